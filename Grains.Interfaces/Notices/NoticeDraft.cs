using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>What an operator submits to publish a notice.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticeDraft")]
public sealed record NoticeDraft(
    [property: Id(0)] string EventType,
    [property: Id(1)] ImmutableArray<string> Nuisances,
    [property: Id(2)] string Title,
    [property: Id(3)] string Message,
    [property: Id(4)] string? Instructions,
    [property: Id(5)] bool Exercise,
    [property: Id(6)] DateTimeOffset? StartsAt,
    [property: Id(7)] DateTimeOffset? ExpectedEndAt,
    [property: Id(8)] TimeSpan? Retention);
