using AlloIndustrie.Grains.Interfaces.Audit;

namespace AlloIndustrie.Grains.Audit;

/// <summary>One page of a month's audit trail, oldest first.</summary>
public sealed class AuditPageState
{
    public List<AuditEntry> Entries { get; set; } = [];
}
