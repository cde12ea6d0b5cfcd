using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Audit;

/// <summary>One month of one scope's audit trail, keyed by <see cref="AuditKey.Of"/>; append-only.</summary>
[Alias("AlloIndustrie.IAuditGrain")]
public interface IAuditGrain : IGrainWithStringKey
{
    /// <summary>Appends an entry; entries are never edited nor removed.</summary>
    [Alias("Append")]
    Task Append(AuditEntry entry);

    /// <summary>The month's entries, newest first.</summary>
    [Alias("List")]
    Task<ImmutableArray<AuditEntry>> List();
}
