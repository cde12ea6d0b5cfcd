namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>What a dashboard account may do; its perimeter (sites or territories) narrows it.</summary>
[GenerateSerializer, Alias("AlloIndustrie.AccountRole")]
public enum AccountRole
{
    Operator = 0,
    TerritoryAdmin = 1,
    Authority = 2,
    SuperAdmin = 3,
}
