using System.Collections.Immutable;
using System.Globalization;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Words;

namespace AlloIndustrie.WebFront.Dashboard.Reports;

/// <summary>
/// The history's CSV export. Each column is its header and its value together, so that the header and the rows
/// cannot disagree. The default is what a French spreadsheet opens right (<c>;</c>, dates as <c>31/12/2026 14:05</c>);
/// the comma variant is for spreadsheets set to English, with ISO dates that no locale misreads.
/// </summary>
public sealed class NoticeExport
{
    private readonly char separator;
    private readonly string dateFormat;

    private NoticeExport(char separator, string dateFormat)
    {
        this.separator = separator;
        this.dateFormat = dateFormat;
    }

    /// <summary>The value of the export's <c>separateur</c> parameter for each variant, the default first.</summary>
    public static ImmutableArray<(string Value, string Label)> Separators { get; } =
    [
        ("point-virgule", "point-virgule (tableur en français)"),
        ("virgule", "virgule (tableur en anglais)"),
    ];

    /// <summary>The export for a <c>separateur</c> parameter, or null when it names no variant.</summary>
    public static NoticeExport? For(string? separatorName) => separatorName switch
    {
        null or "" or "point-virgule" => new NoticeExport(';', "dd/MM/yyyy HH:mm"),
        "virgule" => new NoticeExport(',', "yyyy-MM-dd HH:mm"),
        _ => null,
    };

    private static readonly ImmutableArray<(string Header, Func<NoticeSnapshot, long, NoticeExport, string?> Value)> Columns =
    [
        ("identifiant", (n, _, _) => n.Id),
        ("territoire", (n, _, _) => n.Territory),
        ("site", (n, _, _) => n.Site),
        ("nom du site", (n, _, _) => n.SiteName),
        ("entreprise", (n, _, _) => n.Company),
        ("type d’événement", (n, _, _) => Vocabulary.French.EventType(n.EventType)),
        ("nuisances", (n, _, _) => string.Join(", ", (n.Nuisances.IsDefault ? [] : n.Nuisances).Select(x => Vocabulary.French.Nuisance(x)))),
        ("exercice", (n, _, _) => n.Exercise ? "oui" : "non"),
        ("statut", (n, _, _) => Vocabulary.French.Status(n.Status)),
        ("titre", (n, _, _) => n.Title),
        ("message", (n, _, _) => n.Message),
        ("consignes", (n, _, _) => n.Instructions),
        ("début (heure de Paris)", (n, _, e) => e.Date(n.StartsAt)),
        ("fin prévue", (n, _, e) => e.Date(n.ExpectedEndAt)),
        ("publiée le", (n, _, e) => e.Date(n.PublishedAt)),
        ("terminée le", (n, _, e) => e.Date(n.EndedAt)),
        ("visible jusqu’au", (n, _, e) => e.Date(n.ExpiresAt)),
        ("version", (n, _, _) => n.Version.ToString(CultureInfo.InvariantCulture)),
        ("motif du retrait", (n, _, _) => n.WithdrawnReason),
        ("écoutes au téléphone", (_, listens, _) => listens.ToString(CultureInfo.InvariantCulture)),
    ];

    public static IEnumerable<string> Headers => Columns.Select(c => c.Header);

    public byte[] Write(IEnumerable<NoticeSnapshot> notices, IReadOnlyDictionary<string, long> listens) =>
        Csv.Write(
            [
                [.. Headers],
                .. notices.Select(n => Columns.Select(c => c.Value(n, listens.GetValueOrDefault(n.Id), this)).ToList()),
            ],
            separator);

    private string Date(DateTimeOffset? at) =>
        at is { } value ? ParisTime.Of(value).ToString(dateFormat, CultureInfo.InvariantCulture) : "";
}
