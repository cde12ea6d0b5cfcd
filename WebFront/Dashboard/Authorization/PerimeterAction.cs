namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>What a dashboard request wants to do, checked against the account's role and perimeter.</summary>
public enum PerimeterAction
{
    /// <summary>Publish and manage a site's notices and API keys: its operators, its territory's administrators.</summary>
    OperateSite,

    /// <summary>Sites, operators, settings, moderation and audit trail of a territory: its administrators.</summary>
    AdministerTerritory,

    /// <summary>Current notices, history, statistics and export of a territory: its administrators and authorities.</summary>
    ReadTerritory,

    /// <summary>Call a territory's line from the phone simulator: its administrators and the operators of its sites.</summary>
    SimulateCall,

    /// <summary>Territories, administrators and authorities: super administrators only.</summary>
    AdministerPlatform,
}
