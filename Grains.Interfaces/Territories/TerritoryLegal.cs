namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>
/// What the legal pages of a territory's public site say that differs from one territory to another. An empty text
/// leaves the page's default (the territory's name as publisher, the deployment's host, the publisher as contact).
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.TerritoryLegal")]
public sealed record TerritoryLegal
{
    public static TerritoryLegal Empty { get; } = new();

    /// <summary>Who publishes the service for the territory: name, address, director of publication (several lines).</summary>
    [Id(0)] public string Publisher { get; init; } = "";

    /// <summary>Who hosts it: name, address, telephone (several lines); empty for the deployment's.</summary>
    [Id(1)] public string Host { get; init; } = "";

    /// <summary>Where residents report an accessibility problem (an e-mail address, a form's address, a postal address).</summary>
    [Id(2)] public string AccessibilityContact { get; init; } = "";

    /// <summary>Whom residents ask about their personal data (the data protection officer).</summary>
    [Id(3)] public string PrivacyContact { get; init; } = "";

    /// <summary>The conformity status the last audit found.</summary>
    [Id(4)] public AccessibilityConformity Conformity { get; init; }
}
