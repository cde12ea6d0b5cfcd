using System.Globalization;

namespace AlloIndustrie.Grains.Interfaces.Words;

/// <summary>A number with its noun, as each language agrees them: "1 notice", "2 notices", and in French "0 notice" too.</summary>
public static class Counted
{
    public static string French(int count, string singular, string plural) =>
        string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{count} {(count < 2 ? singular : plural)}");

    public static string English(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");
}
