namespace AlloIndustrie.Grains.Interfaces.Audit;

/// <summary>
/// One line of the audit trail: who (an account's e-mail, <c>clé:{id}</c> for an API key, or
/// <c>anonyme</c>), when, from where, what, and the target's state before and after (short JSON, or null).
/// A refused attempt is kept too, with <see cref="Refused"/> set and nothing changed; the same refusal
/// repeated from one address is one line counting its <see cref="Repeats"/>, last seen at <see cref="LastAt"/>.
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
    [property: Id(7)] bool Refused,
    [property: Id(8)] int Repeats = 0,
    [property: Id(9)] DateTimeOffset? LastAt = null)
{
    /// <summary>Whether <paramref name="other"/> is the same refusal, from the same actor and address.</summary>
    public bool SameRefusalAs(AuditEntry other) =>
        Refused && other.Refused
        && Actor == other.Actor && Ip == other.Ip && Action == other.Action && Target == other.Target && After == other.After;
}
