using System.Globalization;
using AlloIndustrie.Grains.Interfaces;

namespace AlloIndustrie.WebFront.Dashboard.Reports;

/// <summary>How the dashboard writes Paris time in its tables and forms.</summary>
public static class LocalTime
{
    public static string Format(DateTimeOffset? instant) =>
        instant is { } value ? ParisTime.Of(value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>The value of an <c>input type="datetime-local"</c>.</summary>
    public static string Input(DateTimeOffset? instant) =>
        instant is { } value ? ParisTime.Of(value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";
}
