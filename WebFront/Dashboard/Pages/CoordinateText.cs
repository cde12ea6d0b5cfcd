using System.Globalization;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>
/// Coordinates typed in a form: read invariantly, a browser sending "49.38" whatever the server's culture, and
/// with a comma accepted, as French administrators write it.
/// </summary>
public static class CoordinateText
{
    /// <summary>Room enough for a signed degree with more decimals than a map needs.</summary>
    public const int MaxLength = 20;

    public static double? Parse(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
