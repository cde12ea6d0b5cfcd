namespace AlloIndustrie.WebFront.Dashboard.Reports;

/// <summary>Operators and authorities read and type local time: every territory is in metropolitan France.</summary>
public static class LocalTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A wall-clock time typed in a form, as the instant it means in Paris.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    public static string Format(DateTimeOffset? instant) =>
        instant is { } value ? Of(value).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>The value of an <c>input type="datetime-local"</c>.</summary>
    public static string Input(DateTimeOffset? instant) =>
        instant is { } value ? Of(value).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
