using AlloIndustrie.Grains.Interfaces.Audit;

namespace AlloIndustrie.Grains.Audit;

/// <summary>One month of one scope's audit trail: how many pages it has.</summary>
public sealed class AuditState
{
    /// <summary>Entries written before the trail had pages, oldest first; read, never appended to.</summary>
    public List<AuditEntry> Entries { get; set; } = [];

    public int Pages { get; set; }
}
