namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>Why a report was refused, in a <see cref="ReportOutcome"/>.</summary>
[GenerateSerializer, Alias("AlloIndustrie.ReportErrorKind")]
public enum ReportErrorKind
{
    /// <summary>A field is missing or impossible.</summary>
    Invalid = 0,

    /// <summary>The challenge is unknown, used, expired, not yet valid or not solved.</summary>
    Proof = 1,

    /// <summary>Too many reports for this commune just now.</summary>
    RateLimited = 2,

    /// <summary>No such territory.</summary>
    UnknownTerritory = 3,
}
