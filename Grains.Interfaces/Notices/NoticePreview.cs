using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>
/// A draft as it would be published (<see cref="Notice"/>, with the id <see cref="Id"/>) and what the notice would
/// refuse in it, by field: the publish form shows both before anything reaches residents.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticePreview")]
public sealed record NoticePreview(
    [property: Id(0)] NoticeSnapshot Notice,
    [property: Id(1)] ImmutableDictionary<string, string> Errors)
{
    /// <summary>The previewed notice's id, which no published notice has.</summary>
    public const string Id = "apercu";
}
