namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// The commune a position was found in, or why none was, in French: what <see cref="IReportDeskGrain.Locate"/>
/// answers the previous release's web fronts (this release's read a <see cref="Notices.CommandResult{T}"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.LocatedCommune")]
public sealed record LocatedCommune(
    [property: Id(0)] string? Commune,
    [property: Id(1)] string? Error)
{
    public static LocatedCommune Found(string commune) => new(commune, null);

    public static LocatedCommune Refused(string error) => new(null, error);
}
