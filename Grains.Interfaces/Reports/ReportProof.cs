namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>The answer to a challenge: a nonce such that SHA-256(challenge + nonce) starts with enough zero bits.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ReportProof")]
public sealed record ReportProof(
    [property: Id(0)] string Challenge,
    [property: Id(1)] string Nonce);
