using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Audit;

/// <summary>
/// One month of one scope's audit trail, keyed by <see cref="AuditKey.Of"/>; append-only. Entries are kept in
/// pages of bounded size (<see cref="IAuditPageGrain"/>), so that adding one never rewrites the whole month.
/// </summary>
[Alias("AlloIndustrie.IAuditGrain")]
public interface IAuditGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends an entry, its fields clipped to <see cref="AuditLimits"/>; a refusal that repeats one of the
    /// last hour's, from the same address, only counts on that line. Entries are never edited otherwise nor removed.
    /// </summary>
    [Alias("Append")]
    Task Append(AuditEntry entry);

    /// <summary>The month's entries, newest first.</summary>
    [Alias("List")]
    Task<ImmutableArray<AuditEntry>> List();
}
