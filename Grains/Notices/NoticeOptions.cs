namespace AlloIndustrie.Grains.Notices;

/// <summary>Bound from <c>Allo:Notices</c>.</summary>
public sealed class NoticeOptions
{
    public const string Section = "Allo:Notices";

    /// <summary>
    /// The shortest retention an operator may ask for: one hour in service, lowered in tests so that an
    /// expiry can be watched without waiting an hour.
    /// </summary>
    public TimeSpan MinimumRetention { get; set; } = Interfaces.Notices.NoticeRules.DefaultMinimumRetention;

    /// <summary>Notices one site may have visible at once (<see cref="Interfaces.Notices.NoticeRules.DefaultMaxVisiblePerSite"/>).</summary>
    public int MaxVisiblePerSite { get; set; } = Interfaces.Notices.NoticeRules.DefaultMaxVisiblePerSite;
}
