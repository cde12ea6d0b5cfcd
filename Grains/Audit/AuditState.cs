using AlloIndustrie.Grains.Interfaces.Audit;

namespace AlloIndustrie.Grains.Audit;

/// <summary>One month of one scope's audit trail, oldest first.</summary>
public sealed class AuditState
{
    public List<AuditEntry> Entries { get; set; } = [];
}
