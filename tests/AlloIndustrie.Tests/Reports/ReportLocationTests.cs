using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Territories;
using Xunit;

namespace AlloIndustrie.Tests.Reports;

/// <summary>The 500 m grid residents' positions are snapped to, and the nearest commune they become.</summary>
public sealed class ReportLocationTests
{
    private static readonly CommuneCentre Rouen = new("Rouen", 49.443, 1.099);
    private static readonly CommuneCentre Canteleu = new("Canteleu", 49.441, 1.026);
    private static readonly CommuneCentre LeHavre = new("Le Havre", 49.494, 0.108);

    [Theory]
    [InlineData(49.4512, 1.1130)]
    [InlineData(43.2965, 5.3698)]
    [InlineData(-33.8688, 151.2093)]
    [InlineData(0.0001, -0.0001)]
    [InlineData(64.1466, -21.9426)]
    public void A_position_moves_to_a_grid_point_at_most_half_a_cell_away_and_stays_there(double latitude, double longitude)
    {
        var rounded = ReportLocation.Round(latitude, longitude);

        // Half the diagonal of a 500 m cell is about 354 m.
        Assert.InRange(Coordinates.DistanceKm(latitude, longitude, rounded.Latitude, rounded.Longitude), 0, 0.36);
        Assert.Equal(0, Remainder(rounded.Latitude, ReportLocation.GridStep), 6);
        Assert.Equal(rounded, ReportLocation.Round(rounded.Latitude, rounded.Longitude));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(49.45)]
    [InlineData(-70.0)]
    public void Grid_cells_are_about_500_m_wide_and_high_at_any_latitude(double latitude)
    {
        var here = ReportLocation.Round(latitude, 10);
        var north = ReportLocation.Round(here.Latitude + ReportLocation.GridStep, here.Longitude);
        var east = Enumerable.Range(1, 1000)
            .Select(i => ReportLocation.Round(here.Latitude, here.Longitude + i * 0.0005))
            .First(point => point.Longitude != here.Longitude);

        Assert.InRange(Coordinates.DistanceKm(here.Latitude, here.Longitude, north.Latitude, north.Longitude), 0.49, 0.51);
        Assert.InRange(Coordinates.DistanceKm(here.Latitude, here.Longitude, east.Latitude, east.Longitude), 0.49, 0.51);
    }

    [Fact]
    public void Neighbours_a_hundred_metres_apart_in_one_cell_become_the_same_point()
    {
        var centreOfCell = ReportLocation.Round(49.4512, 1.1130);
        var nearby = ReportLocation.Round(centreOfCell.Latitude + 0.0006, centreOfCell.Longitude - 0.0008);

        Assert.Equal(centreOfCell, nearby);
        Assert.Equal(49.4505, centreOfCell.Latitude, 9);
        Assert.Equal(161 * 0.0045 / Math.Cos(49.4505 * Math.PI / 180), centreOfCell.Longitude, 9);
    }

    [Fact]
    public void Near_the_poles_the_longitude_step_stays_finite()
    {
        var rounded = ReportLocation.Round(89.9999, 179.99);

        Assert.Equal(90, rounded.Latitude, 9);
        Assert.True(double.IsFinite(rounded.Longitude));
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(49.0, double.NaN)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(49.0, double.NegativeInfinity)]
    [InlineData(90.0001, 1.0)]
    [InlineData(-90.5, 1.0)]
    [InlineData(49.0, 180.01)]
    [InlineData(49.0, -181.0)]
    public void Impossible_positions_are_recognised(double latitude, double longitude) =>
        Assert.False(Coordinates.IsPossible(latitude, longitude));

    [Theory]
    [InlineData(90.0, 180.0)]
    [InlineData(-90.0, -180.0)]
    [InlineData(49.443, 1.099)]
    public void Positions_on_the_edges_of_the_map_are_possible(double latitude, double longitude) =>
        Assert.True(Coordinates.IsPossible(latitude, longitude));

    [Fact]
    public void Distances_are_great_circle_kilometres()
    {
        Assert.InRange(Coordinates.DistanceKm(Rouen.Latitude, Rouen.Longitude, LeHavre.Latitude, LeHavre.Longitude), 71, 73);
        Assert.InRange(Coordinates.DistanceKm(0, 0, 0, 1), 111.1, 111.3);
        Assert.Equal(0, Coordinates.DistanceKm(49.443, 1.099, 49.443, 1.099));
    }

    [Fact]
    public void The_nearest_commune_centre_within_10_km_is_chosen()
    {
        CommuneCentre[] centres = [Canteleu, LeHavre, Rouen];

        // Place du Vieux-Marché, Rouen, and a street on the Canteleu side of the Seine.
        Assert.Equal(Rouen, ReportLocation.NearestCommune(centres, ReportLocation.Round(49.4433, 1.0880)));
        Assert.Equal(Canteleu, ReportLocation.NearestCommune(centres, ReportLocation.Round(49.4420, 1.0400)));
        Assert.Equal(LeHavre, ReportLocation.NearestCommune(centres, ReportLocation.Round(49.5200, 0.1500)));
    }

    [Fact]
    public void A_position_more_than_10_km_from_every_centre_is_outside_the_territory()
    {
        CommuneCentre[] centres = [Canteleu, Rouen];

        // Évreux is about 45 km south of Rouen; Yvetot about 30 km north-west; 11 km east of Rouen is just too far.
        Assert.Null(ReportLocation.NearestCommune(centres, ReportLocation.Round(49.0270, 1.1508)));
        Assert.Null(ReportLocation.NearestCommune(centres, ReportLocation.Round(49.6170, 0.7530)));
        Assert.Null(ReportLocation.NearestCommune(centres, ReportLocation.Round(49.443, 1.099 + 11 / (111.2 * Math.Cos(49.443 * Math.PI / 180)))));
        Assert.Equal(Rouen, ReportLocation.NearestCommune(centres, ReportLocation.Round(49.443, 1.099 + 9 / (111.2 * Math.Cos(49.443 * Math.PI / 180)))));
        Assert.Null(ReportLocation.NearestCommune([], ReportLocation.Round(49.443, 1.099)));
    }

    [Fact]
    public void Locating_refuses_impossible_positions_territories_without_centres_and_distant_positions()
    {
        CommuneCentre[] centres = [Canteleu, Rouen];
        string[] communes = ["Canteleu", "Rouen"];

        Assert.Equal(Located.Found("Rouen"), Located.Of(ReportLocation.Locate(new ReportPosition(49.4433, 1.0880), centres, communes)));
        Assert.Equal(Located.Refused(ReportLocation.ImpossibleMessage), Located.Of(ReportLocation.Locate(new ReportPosition(double.NaN, 1.09), centres, communes)));
        Assert.Equal(Located.Refused(ReportLocation.ImpossibleMessage), Located.Of(ReportLocation.Locate(new ReportPosition(49.44, double.PositiveInfinity), centres, communes)));
        Assert.Equal(Located.Refused(ReportLocation.ImpossibleMessage), Located.Of(ReportLocation.Locate(new ReportPosition(95, 1.09), centres, communes)));
        Assert.Equal(Located.Refused(ReportLocation.NoCentreMessage), Located.Of(ReportLocation.Locate(new ReportPosition(49.4433, 1.0880), [], communes)));
        Assert.Equal(Located.Refused(ReportLocation.OutsideMessage), Located.Of(ReportLocation.Locate(new ReportPosition(49.0270, 1.1508), centres, communes)));
        Assert.StartsWith("Cette position est hors du territoire", ReportLocation.OutsideMessage);
    }

    [Fact]
    public void Only_communes_residents_may_choose_are_found()
    {
        // Canteleu's centre is nearer, but no site lists Canteleu any more: the position belongs to Rouen.
        Assert.Equal(Located.Found("Rouen"), Located.Of(ReportLocation.Locate(new ReportPosition(49.4420, 1.0400), [Canteleu, Rouen], ["Rouen"])));
        Assert.Equal(Located.Refused(ReportLocation.NoCentreMessage), Located.Of(ReportLocation.Locate(new ReportPosition(49.4420, 1.0400), [Canteleu], ["Rouen"])));
    }

    private static double Remainder(double value, double step)
    {
        var steps = value / step;
        return (steps - Math.Round(steps)) * step;
    }
}
