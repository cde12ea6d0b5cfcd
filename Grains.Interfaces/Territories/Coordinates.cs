namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>Latitudes and longitudes in degrees (WGS 84), as browsers and maps give them.</summary>
public static class Coordinates
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Whether a point can exist: finite, latitude within ±90°, longitude within ±180°.</summary>
    public static bool IsPossible(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    /// <summary>Great-circle distance in kilometres (haversine): exact enough at the scale of a territory.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLatitude = Radians(latitude2 - latitude1);
        var dLongitude = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dLatitude / 2), 2)
            + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLongitude / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double Radians(double degrees) => degrees * Math.PI / 180;
}
