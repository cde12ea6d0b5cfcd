using System.Text.RegularExpressions;

namespace AlloIndustrie.WebFront.Public;

/// <summary>Checks route values before they reach a grain, so that junk URLs never activate one.</summary>
public static partial class Slugs
{
    public static bool IsTerritory(string? value) => value is not null && TerritoryPattern().IsMatch(value);

    public static bool IsNoticeId(string? value) => value is not null && NoticeIdPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9-]{2,40}$")]
    private static partial Regex TerritoryPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex NoticeIdPattern();
}
