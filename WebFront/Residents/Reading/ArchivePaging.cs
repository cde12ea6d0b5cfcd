using System.Globalization;

namespace AlloIndustrie.WebFront.Residents.Reading;

/// <summary>How the ended notices of a territory's page and JSON are cut into pages (<c>?page=2</c>…).</summary>
public static class ArchivePaging
{
    /// <summary>Ended notices per page: one line each on the page, so a page stays small on a weak phone.</summary>
    public const int EndedPerPage = 20;

    /// <summary>Far beyond what retention lets a territory hold, so that a number no one reached is refused at once.</summary>
    public const int MaxPage = 10_000;

    public const string Parameter = "page";

    /// <summary>
    /// The page a query asks for: 1 without one, null when it is not a page number (a sign, a leading zero, a
    /// letter, beyond <see cref="MaxPage"/>), which the page answers with a 404 and the JSON with a 400.
    /// </summary>
    public static int? Requested(string? value) =>
        string.IsNullOrEmpty(value)
            ? 1
            : value[0] != '0' && value.All(char.IsAsciiDigit) && value.Length <= 5
                && int.Parse(value, CultureInfo.InvariantCulture) is var page and <= MaxPage
                ? page
                : null;

    public const string Invalid = "Le numéro de page doit être un entier de 1 à 10 000.";
}
