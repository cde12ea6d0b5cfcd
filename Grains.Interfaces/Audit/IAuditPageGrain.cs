using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Audit;

/// <summary>
/// One page of a month's audit trail, keyed <c>{month key}/{page number}</c>, holding at most
/// <see cref="AuditLimits.EntriesPerPage"/> entries; only its month's <see cref="IAuditGrain"/> writes to it.
/// </summary>
[Alias("AlloIndustrie.IAuditPageGrain")]
public interface IAuditPageGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the (already clipped) entry, or counts it on a recent line it repeats; returns whether the page is
    /// now full, so that the month opens the next one.
    /// </summary>
    [Alias("Add")]
    Task<bool> Add(AuditEntry entry);

    /// <summary>The page's entries, oldest first.</summary>
    [Alias("List")]
    Task<ImmutableArray<AuditEntry>> List();
}
