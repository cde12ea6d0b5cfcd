using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Reports;

namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>
/// The counts of the last 24 hours that the territory page draws on its map. Each web node keeps the rendered page
/// in its output cache, so this is asked at most once per territory and cache period;
/// and it must neither hold the page up nor break it: if the desk does not answer quickly, the page goes out
/// without its heat map, as the notices matter more.
/// </summary>
public sealed class ReportHeatReader(IGrainFactory grains, ILogger<ReportHeatReader> logger)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<ImmutableArray<CommuneReportCount>> Recent(string territory)
    {
        try
        {
            return await grains.GetGrain<IReportDeskGrain>(territory).GetRecentCounts().WaitAsync(Patience);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Report counts of {Territory} unreadable; its page goes out without the heat map", territory);
            return [];
        }
    }
}
