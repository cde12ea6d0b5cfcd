namespace AlloIndustrie.Grains.Interfaces.Audit;

/// <summary>
/// One line of the audit trail: who (an account's e-mail, <c>clé:{id}</c> for an API key, or
/// <c>anonyme</c>), when, from where, what, and the target's state before and after (short JSON, or null).
/// A refused attempt is kept too, with <see cref="Refused"/> set and nothing changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string? Ip,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string? Before,
    [property: Id(6)] string? After,
    [property: Id(7)] bool Refused);
