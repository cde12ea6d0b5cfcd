namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>Counters of a territory's phone line.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.PhoneLineStats")]
public sealed record PhoneLineStats(
    [property: Id(0)] long Calls,
    [property: Id(1)] long EndedCalls,
    [property: Id(2)] TimeSpan TotalDuration);
