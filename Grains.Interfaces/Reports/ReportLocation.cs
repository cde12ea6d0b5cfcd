using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// How a resident's position becomes a commune. The position is first snapped to a grid of about 500 m — by the
/// browser, then again by the server, which trusts no client — so that nothing finer ever travels further; the
/// nearest commune centre of the territory, if close enough, is all that is kept.
/// </summary>
public static class ReportLocation
{
    /// <summary>A grid step of 0.0045° of latitude is about 500 m anywhere on Earth.</summary>
    public const double GridStep = 0.0045;

    /// <summary>Beyond this distance from every commune centre, a position is not in the territory.</summary>
    public const double MaxDistanceKm = 10;

    public const string ImpossibleMessage =
        "Position impossible : la latitude va de -90 à 90 degrés et la longitude de -180 à 180. Choisissez votre commune dans la liste.";

    public const string NoCentreMessage =
        "Les communes de ce territoire ne sont pas encore situées sur la carte : choisissez la vôtre dans la liste.";

    public static readonly string OutsideMessage =
        $"Cette position est hors du territoire : aucune de ses communes n’est à moins de {MaxDistanceKm:0} km. Choisissez votre commune dans la liste.";

    // Where a degree of longitude is this short (beyond about 89.4°), the step stops growing, lest it diverge at the pole.
    private const double SmallestCosine = 0.01;

    /// <summary>
    /// The grid point nearest to a possible position (see <see cref="Coordinates.IsPossible"/>). A degree of
    /// longitude shrinks with the cosine of the latitude, so the longitude step grows to stay about 500 m; it is
    /// taken at the rounded latitude, so that rounding a rounded position changes nothing. report.js does the same.
    /// </summary>
    public static ReportPosition Round(double latitude, double longitude)
    {
        var roundedLatitude = Math.Round(latitude / GridStep) * GridStep;
        var longitudeStep = GridStep / Math.Max(Math.Cos(Coordinates.Radians(roundedLatitude)), SmallestCosine);
        return new ReportPosition(roundedLatitude, Math.Round(longitude / longitudeStep) * longitudeStep);
    }

    /// <summary>
    /// The commune a resident at <paramref name="position"/> is in: among <paramref name="communes"/> (those residents
    /// may choose) that have a centre, the nearest to the position rounded to the grid, within <see cref="MaxDistanceKm"/>;
    /// otherwise why none is, for the field <c>position</c>.
    /// </summary>
    public static CommandResult<string> Locate(ReportPosition position, IEnumerable<CommuneCentre> centres, IEnumerable<string> communes)
    {
        if (!Coordinates.IsPossible(position.Latitude, position.Longitude))
        {
            return Refused(ImpossibleMessage);
        }

        var choosable = communes.ToHashSet(StringComparer.Ordinal);
        var located = centres.Where(c => choosable.Contains(c.Commune)).ToList();
        if (located.Count == 0)
        {
            return Refused(NoCentreMessage);
        }

        return NearestCommune(located, Round(position.Latitude, position.Longitude)) is { } nearest
            ? CommandResult<string>.Ok(nearest.Commune)
            : Refused(OutsideMessage);
    }

    /// <summary>The commune whose centre is nearest to <paramref name="position"/>, or null if none is within <see cref="MaxDistanceKm"/>.</summary>
    public static CommuneCentre? NearestCommune(IEnumerable<CommuneCentre> centres, ReportPosition position) =>
        centres
            .Select(centre => (Centre: centre, Km: Coordinates.DistanceKm(position.Latitude, position.Longitude, centre.Latitude, centre.Longitude)))
            .Where(candidate => candidate.Km <= MaxDistanceKm)
            .OrderBy(candidate => candidate.Km)
            .ThenBy(candidate => candidate.Centre.Commune, StringComparer.Ordinal)
            .Select(candidate => candidate.Centre)
            .FirstOrDefault();

    private static CommandResult<string> Refused(string message) => CommandResult<string>.Failed(CommandError.Invalid("position", message));
}
