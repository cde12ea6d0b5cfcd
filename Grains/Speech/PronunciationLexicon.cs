using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AlloIndustrie.Grains.Speech;

/// <summary>
/// Rewrites what espeak-ng reads badly before it reads it: written times ("14h30" is read "quatorze ache
/// trente"), acronyms it reads as words ("POI" → "pwa"), units, and names. Acronyms in capitals match only
/// in capitals, so that an ordinary word never gets spelled out; other entries ignore case.
/// </summary>
public sealed partial class PronunciationLexicon
{
    /// <summary>The fixes every territory gets; a territory's own entries override them.</summary>
    public static readonly ImmutableDictionary<string, string> DefaultEntries = new Dictionary<string, string>
    {
        ["POI"] = "P O I",
        ["PPI"] = "P P I",
        ["PPRT"] = "P P R T",
        ["ICPE"] = "I C P E",
        ["SNCF"] = "S N C F",
        ["SDIS"] = "esse-disse",
        ["DREAL"] = "Dréal",
        ["GPL"] = "G P L",
        ["GNL"] = "G N L",
        ["TMD"] = "transport de matières dangereuses",
        ["COV"] = "composés organiques volatils",
        ["ZI"] = "zone industrielle",
        ["H2S"] = "hydrogène sulfuré",
        ["CO2"] = "C O 2",
        ["SO2"] = "dioxyde de soufre",
        ["NOx"] = "oxydes d’azote",
        ["Seveso"] = "Sévéso",
        ["km/h"] = "kilomètres heure",
        ["km"] = "kilomètres",
        ["°C"] = "degrés Celsius",
        ["m³"] = "mètres cubes",
        ["m3"] = "mètres cubes",
        ["dB(A)"] = "décibels A",
        ["dB"] = "décibels",
        ["ppm"] = "parties par million",
        ["n°"] = "numéro",
        ["TotalEnergies"] = "Total Énergies",
        ["ExxonMobil"] = "Exxon Mobil",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static readonly PronunciationLexicon Default = new(DefaultEntries);

    private readonly ImmutableDictionary<string, string> exact;
    private readonly ImmutableDictionary<string, string> ignoringCase;
    private readonly Regex? terms;

    private PronunciationLexicon(ImmutableDictionary<string, string> entries)
    {
        exact = entries;
        ignoringCase = entries
            .Where(e => !IsAcronym(e.Key))
            .GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase)
            .ToImmutableDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);

        // Longest first, so that "km/h" wins over "km"; a unit may follow a number directly ("50km").
        var alternatives = entries.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape).ToArray();
        terms = alternatives.Length == 0
            ? null
            : new Regex($@"(?<!\p{{L}})(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The default lexicon with a territory's entries on top.</summary>
    public static PronunciationLexicon WithOverrides(IReadOnlyDictionary<string, string> overrides) =>
        overrides.Count == 0 ? Default : new(DefaultEntries.SetItems(overrides));

    /// <summary>The text as the synthesiser should read it.</summary>
    public string Apply(string text)
    {
        var result = WrittenTime().Replace(text, SpokenTime);
        return terms is null ? result : terms.Replace(result, match => Replace(match, result));
    }

    private string Replace(Match match, string input)
    {
        var spoken = exact.TryGetValue(match.Value, out var written) ? written
            : ignoringCase.TryGetValue(match.Value, out var loose) ? loose
            : null;
        if (spoken is null)
        {
            return match.Value;
        }

        // "50km/h" would otherwise become "50kilomètres heure", which espeak reads as one odd word.
        return match.Index > 0 && char.IsDigit(input[match.Index - 1]) ? " " + spoken : spoken;
    }

    private static bool IsAcronym(string term) => term.Any(char.IsLetter) && !term.Any(char.IsLower);

    private static string SpokenTime(Match match)
    {
        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var unit = hours == 1 ? "heure" : "heures";
        return match.Groups["m"].Success
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} {unit} {int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture)}")
            : string.Create(CultureInfo.InvariantCulture, $"{hours} {unit}");
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<h>[01]?\d|2[0-3]) ?[hH] ?(?<m>[0-5]\d)?(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenTime();
}
