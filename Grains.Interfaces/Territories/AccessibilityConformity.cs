namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>The RGAA's three conformity statuses, which the accessibility statement and every page's footer must state.</summary>
public enum AccessibilityConformity
{
    /// <summary>No audit yet, or under half of the criteria met: what the RGAA asks to declare until an audit says otherwise.</summary>
    NonCompliant = 0,

    /// <summary>Half of the criteria met or more, not all.</summary>
    Partial = 1,

    /// <summary>Every criterion met, by a complete audit.</summary>
    Full = 2,
}
