using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Residents.Reading;

namespace AlloIndustrie.Tests.Public;

/// <summary>Notices as the grains would return them, for rendering and feed tests that need no cluster.</summary>
internal static class SampleNotices
{
    public static readonly DateTimeOffset Now = new(2026, 7, 14, 10, 0, 0, TimeSpan.Zero);

    public const string Hostile = "<script>alert(1)</script>";

    public static SiteProfile Site(string slug = "raffinerie") => new(
        "rouen-metropole",
        slug,
        "Raffinerie de Petit-Couronne",
        "Pétrochimie & Cie",
        "1 rue du Port, 76650 Petit-Couronne",
        49.3862,
        1.0189,
        ["Petit-Couronne", "Grand-Couronne", "Le Grand-Quevilly", "Saint-Étienne-du-Rouvray", "Sotteville-lès-Rouen", "Oissel"],
        null,
        false);

    public static TerritoryProfile Territory(params string[] phoneNumbers) =>
        new("rouen-metropole", "Rouen Métropole", phoneNumbers.Length == 0 ? ["+33235000000"] : [.. phoneNumbers], "Bienvenue", TimeSpan.FromDays(9));

    public static NoticeSnapshot Notice(
        string id = "n1",
        string title = "Torchage en cours",
        NoticeStatus status = NoticeStatus.Active,
        int version = 1,
        bool exercise = false,
        DateTimeOffset? startsAt = null,
        string eventType = "flare",
        string? audioUrl = null,
        string message = "Une flamme est visible au-dessus de la raffinerie.",
        ImmutableArray<NoticeUpdate>? updates = null,
        bool withExpectedEnd = true,
        ImmutableArray<string>? nuisances = null,
        string? instructions = "Aucune action n’est nécessaire.")
    {
        var start = startsAt ?? Now.AddMinutes(-30);
        return new NoticeSnapshot(
            id,
            "rouen-metropole",
            "raffinerie",
            "Raffinerie de Petit-Couronne",
            "Pétrochimie & Cie",
            eventType,
            nuisances ?? ["light", "noise"],
            title,
            message,
            instructions,
            exercise,
            status,
            start,
            withExpectedEnd ? start.AddHours(2) : null,
            start,
            status == NoticeStatus.Ended ? Now.AddMinutes(-5) : null,
            start.AddDays(9),
            updates ?? [],
            version,
            audioUrl,
            version == 1 ? start : Now.AddMinutes(-5),
            status == NoticeStatus.Withdrawn ? "Publiée par erreur <b>test</b>" : null);
    }

    public static TerritoryView View(params NoticeSnapshot[] notices) =>
        new(Territory(), [Site()], NoticeOrder.ForPublic(notices, Now), Now);
}
