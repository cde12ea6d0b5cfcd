using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.WebFront.Residents.Legal;

/// <summary>
/// What a legal page shows: a territory's settings with the defaults its administrators left empty filled in, or,
/// without a territory, the territories whose own pages name their publishers.
/// </summary>
public sealed record LegalView(TerritoryProfile? Territory, IReadOnlyList<TerritoryProfile> Territories, string? DeploymentHost)
{
    private TerritoryLegal Legal => Territory?.Legal ?? TerritoryLegal.Empty;

    public AccessibilityConformity Conformity => Legal.Conformity;

    /// <summary>Who publishes: the territory's text, else its name.</summary>
    public string? Publisher => Territory is null ? null : Legal.Publisher.Length > 0 ? Legal.Publisher : Territory.Name;

    /// <summary>The publisher's first line, to name it in a sentence.</summary>
    public string? PublisherName => Publisher?.Split('\n', 2)[0].Trim();

    /// <summary>The territory's host, else the deployment's (<c>Allo:Legal:Host</c>), else null.</summary>
    public string? Host => Legal.Host.Length > 0 ? Legal.Host : DeploymentHost;

    public string? AccessibilityContact => NullIfEmpty(Legal.AccessibilityContact);

    public string? PrivacyContact => NullIfEmpty(Legal.PrivacyContact);

    private static string? NullIfEmpty(string value) => value.Length > 0 ? value : null;
}
