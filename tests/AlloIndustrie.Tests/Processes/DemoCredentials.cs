namespace AlloIndustrie.Tests.Processes;

/// <summary>What the tests read from <c>{data}/demo-credentials.json</c>.</summary>
public sealed record DemoCredentials(
    Dictionary<string, string> ApiKeys,
    string TwilioAuthToken,
    DemoLogin Admin,
    List<DemoOperator> Operators,
    List<DemoTerritoryAdmin> TerritoryAdmins,
    List<DemoAuthority> Authorities);

public sealed record DemoLogin(string Email, string Password);

public sealed record DemoOperator(string Email, string Password, string Territory, List<string> Sites);

public sealed record DemoTerritoryAdmin(string Email, string Password, string Territory);

public sealed record DemoAuthority(string Email, string Password, List<string> Territories);
