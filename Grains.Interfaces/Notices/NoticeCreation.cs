namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>A draft with what the site adds to it: who publishes, and the territory's default retention.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticeCreation")]
public sealed record NoticeCreation(
    [property: Id(0)] NoticeDraft Draft,
    [property: Id(1)] string Territory,
    [property: Id(2)] string Site,
    [property: Id(3)] string SiteName,
    [property: Id(4)] string Company,
    [property: Id(5)] TimeSpan DefaultRetention);
