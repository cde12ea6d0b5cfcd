namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// A resident's report as submitted. <see cref="Source"/> is an unsalted hash of the client (its address, or
/// the call) that only crosses to the silo to be salted there; it is never stored as given.
/// <see cref="Commune"/> is null only for a phone report, which speaks for the whole territory, or for a web report
/// that gives its <see cref="Position"/> instead, from which the desk finds the commune before forgetting it.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ReportDraft")]
public sealed record ReportDraft(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? Commune,
    [property: Id(2)] DateTimeOffset? OccurredAt,
    [property: Id(3)] string? Text,
    [property: Id(4)] string Source,
    [property: Id(5)] ReportChannel Channel,
    [property: Id(6)] ReportPosition? Position = null);
