using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Webhooks;

/// <summary>A created webhook and its secret (<c>whsec_…</c>, shown once), or the French errors by field (<c>url</c>, <c>description</c>).</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.WebhookCreation")]
public sealed record WebhookCreation(
    [property: Id(0)] string? Id,
    [property: Id(1)] string? Secret,
    [property: Id(2)] ImmutableDictionary<string, string> Errors)
{
    public static WebhookCreation Invalid(string field, string error) => new(null, null, ImmutableDictionary<string, string>.Empty.Add(field, error));
}
