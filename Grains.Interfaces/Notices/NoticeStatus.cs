namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>Where a notice stands in its lifecycle, as the contract names it.</summary>
[GenerateSerializer, Alias("AlloIndustrie.NoticeStatus")]
public enum NoticeStatus
{
    Scheduled = 0,
    Active = 1,
    Ended = 2,
    Expired = 3,
    Withdrawn = 4,
}
