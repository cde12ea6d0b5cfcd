using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Dashboard.Reports;

/// <summary>The history's filters; the dates are Paris calendar days, both included.</summary>
public sealed record NoticeFilter(string? Site, string? EventType, DateOnly? From, DateOnly? To)
{
    public bool Matches(NoticeSnapshot notice)
    {
        var day = DateOnly.FromDateTime(ParisTime.Of(notice.StartsAt).DateTime);
        return (string.IsNullOrEmpty(Site) || notice.Site == Site)
            && (string.IsNullOrEmpty(EventType) || notice.EventType == EventType)
            && (From is not { } from || day >= from)
            && (To is not { } to || day <= to);
    }
}
