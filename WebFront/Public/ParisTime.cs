using System.Globalization;

namespace AlloIndustrie.WebFront.Public;

/// <summary>Residents read local time: every time shown or written in a feed is in Europe/Paris.</summary>
public static class ParisTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>RFC 3339 with a numeric offset and whole seconds, as both Atom and CAP 1.2 accept it.</summary>
    public static string Iso(DateTimeOffset at) => Of(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
