namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>One entry of a notice's timeline.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticeUpdate")]
public sealed record NoticeUpdate(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Message);
