using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Words;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Pages;

namespace AlloIndustrie.WebFront.Residents.Live;

/// <summary>
/// One live list as a public page shows it: a territory's notices (or one site's), in a language, full or as the
/// widget's compact list. The browsers showing the same list share a SignalR group, and each change is rendered
/// once for the group.
/// </summary>
public sealed record LiveList(string Territory, string? Site, bool Compact, Language Language)
{
    public string Group => $"list:{Territory}|{Site}|{(Compact ? "widget" : "page")}|{(Language == Language.English ? "en" : "fr")}";

    /// <summary>
    /// What a list shows, notice by notice in order (<c>id:version:status:audio</c>, audio 1 once its player is there): the live script computes the same
    /// from the articles it shows, and needs to fetch nothing while both agree.
    /// </summary>
    public static string State(IEnumerable<NoticeSnapshot> notices) =>
        string.Join(',', notices.Select(notice => $"{notice.Id}:{notice.Version}:{PageContext.StatusCode(notice.Status)}:{(PageContext.SafeAudioUrl(notice.AudioUrl) is null ? 0 : 1)}"));
}
