namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// A single-use challenge. A script proves work on it (<see cref="Bits"/> leading zero bits); a form without
/// script gets one with no work to do that is accepted only from <see cref="NotBefore"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ReportChallenge")]
public sealed record ReportChallenge(
    [property: Id(0)] string Token,
    [property: Id(1)] int Bits,
    [property: Id(2)] DateTimeOffset NotBefore,
    [property: Id(3)] DateTimeOffset ExpiresAt);
