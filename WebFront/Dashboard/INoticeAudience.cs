namespace AlloIndustrie.WebFront.Dashboard;

/// <summary>
/// Hook for the phone line's counters: how many times a notice was listened to. The voice work plugs its
/// counters in here; until then <see cref="NoNoticeAudience"/> answers null and the dashboard shows a dash.
/// </summary>
public interface INoticeAudience
{
    Task<long?> Listens(string noticeId);
}
