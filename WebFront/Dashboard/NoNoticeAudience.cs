namespace AlloIndustrie.WebFront.Dashboard;

/// <summary>No phone line counters wired into this web front.</summary>
public sealed class NoNoticeAudience : INoticeAudience
{
    public Task<long?> Listens(string noticeId) => Task.FromResult<long?>(null);
}
