using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Grains.Interfaces.Sites;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>Who may do what where: the one table every dashboard decision goes through.</summary>
public static class PerimeterRules
{
    public static bool Allows(AccountRecord account, PerimeterAction action, PerimeterTarget target)
    {
        if (account.Disabled)
        {
            return false;
        }

        var inTerritory = !account.Territories.IsDefault && account.Territories.Contains(target.Territory);
        return (account.Role, action) switch
        {
            (AccountRole.SuperAdmin, _) => true,
            (AccountRole.TerritoryAdmin, PerimeterAction.OperateSite or PerimeterAction.AdministerTerritory or PerimeterAction.ReadTerritory) => inTerritory,
            (AccountRole.Authority, PerimeterAction.ReadTerritory) => inTerritory,
            (AccountRole.TerritoryAdmin or AccountRole.Operator, PerimeterAction.SimulateCall) => inTerritory,
            (AccountRole.Operator, PerimeterAction.OperateSite) =>
                target.Site is not null && !account.Sites.IsDefault && account.Sites.Contains(SiteKey.Of(target.Territory, target.Site)),
            _ => false,
        };
    }
}
