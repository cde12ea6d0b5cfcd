using System.Globalization;

namespace AlloIndustrie.Grains.Interfaces;

/// <summary>
/// Every territory is in metropolitan France: residents, operators and callers read, hear and type local time,
/// and feeds carry it with its offset.
/// </summary>
public static class ParisTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>A wall-clock time typed in a form, as the instant it means in Paris.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>Whether two moments fall on the same local day.</summary>
    public static bool SameDay(DateTimeOffset first, DateTimeOffset second) => Of(first).Date == Of(second).Date;

    /// <summary>Local days from <paramref name="from"/> to <paramref name="to"/>: 0 today, 1 tomorrow.</summary>
    public static int DaysBetween(DateTimeOffset from, DateTimeOffset to) => (Of(to).Date - Of(from).Date).Days;

    /// <summary>RFC 3339 with a numeric offset and whole seconds, as both Atom and CAP 1.2 accept it.</summary>
    public static string Iso(DateTimeOffset at) => Of(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
