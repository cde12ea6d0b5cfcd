namespace AlloIndustrie.Silo.Demo;

/// <summary>
/// The shape of <c>{data}/demo-credentials.json</c>, as the contract gives it (<c>admin</c>, <c>operators</c>,
/// <c>apiKeys</c>, <c>twilioAuthToken</c>), with the demo's territory administrators and regional
/// authorities beside them.
/// </summary>
public sealed record DemoCredentials(
    DemoLogin Admin,
    IReadOnlyList<DemoOperator> Operators,
    IReadOnlyList<DemoTerritoryAdmin> TerritoryAdmins,
    IReadOnlyList<DemoAuthority> Authorities,
    IReadOnlyDictionary<string, string> ApiKeys,
    string TwilioAuthToken);

/// <summary>A super administrator's login.</summary>
public sealed record DemoLogin(string Email, string Password);

/// <summary>An operator's login and the sites (slugs within <see cref="Territory"/>) it publishes for.</summary>
public sealed record DemoOperator(string Email, string Password, string Territory, IReadOnlyList<string> Sites);

/// <summary>A territory administrator's login.</summary>
public sealed record DemoTerritoryAdmin(string Email, string Password, string Territory);

/// <summary>A regional authority's login and the territories it oversees (read only).</summary>
public sealed record DemoAuthority(string Email, string Password, IReadOnlyList<string> Territories);
