namespace AlloIndustrie.Tests.Dashboard;

/// <summary>The demo's roles, each with one account in the demo credentials.</summary>
public enum Role
{
    Operator,
    TerritoryAdmin,
    Authority,
    SuperAdmin,
}
