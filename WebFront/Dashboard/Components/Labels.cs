using AlloIndustrie.Grains.Interfaces.Accounts;

namespace AlloIndustrie.WebFront.Dashboard.Components;

/// <summary>French names of the dashboard's roles.</summary>
public static class Labels
{
    public static string Role(AccountRole role) => role switch
    {
        AccountRole.Operator => "Exploitant",
        AccountRole.TerritoryAdmin => "Administrateur de territoire",
        AccountRole.Authority => "Autorité régionale (lecture seule)",
        AccountRole.SuperAdmin => "Super administrateur",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
