using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.Silo.Demo;

/// <summary>Two territories with invented sites and companies, close enough to real ones to be plausible.</summary>
public static class DemoData
{
    public static ImmutableArray<TerritoryProfile> Territories { get; } =
    [
        new("rouen-metropole", "Rouen Métropole", ["+33805760001"],
            "Bienvenue sur AlloIndustrie Rouen Métropole, l’information des riverains des sites industriels.",
            NoticeRules.DefaultRetention)
        {
            // Real communes at their approximate centres (within a kilometre or so), so that positions find them.
            CommuneCentres =
            [
                new("Canteleu", 49.441, 1.026),
                new("Déville-lès-Rouen", 49.469, 1.049),
                new("Grand-Couronne", 49.357, 1.007),
                new("Le Grand-Quevilly", 49.410, 1.041),
                new("Le Petit-Quevilly", 49.431, 1.062),
                new("Petit-Couronne", 49.386, 1.028),
                new("Rouen", 49.443, 1.099),
                new("Saint-Étienne-du-Rouvray", 49.378, 1.105),
                new("Sotteville-lès-Rouen", 49.410, 1.090),
            ],
        },
        new("le-havre-seine", "Le Havre Seine", ["+33805760002"],
            "Bienvenue sur AlloIndustrie Le Havre Seine, l’information des riverains des sites industriels.",
            NoticeRules.DefaultRetention)
        {
            CommuneCentres =
            [
                new("Gonfreville-l’Orcher", 49.505, 0.235),
                new("Harfleur", 49.506, 0.198),
                new("Le Havre", 49.494, 0.108),
                new("Montivilliers", 49.545, 0.188),
                new("Rogerville", 49.503, 0.266),
                new("Sainte-Adresse", 49.509, 0.085),
            ],
        },
    ];

    public static ImmutableArray<(string Territory, string Slug, SiteSettings Settings)> Sites { get; } =
    [
        ("rouen-metropole", "raffinerie-petit-couronne", new SiteSettings(
            "Raffinerie de Petit-Couronne", "Seine Raffinage", "Route du Port, 76650 Petit-Couronne",
            49.3862, 1.0187, ["Petit-Couronne", "Grand-Couronne", "Le Grand-Quevilly", "Saint-Étienne-du-Rouvray"], null, false)),
        ("rouen-metropole", "chimie-grand-quevilly", new SiteSettings(
            "Usine chimique du Grand-Quevilly", "Normandie Chimie", "Boulevard Stalingrad, 76120 Le Grand-Quevilly",
            49.4131, 1.0373, ["Le Grand-Quevilly", "Le Petit-Quevilly", "Rouen", "Sotteville-lès-Rouen"], null, false)),
        ("rouen-metropole", "depot-rouen-port", new SiteSettings(
            "Dépôt pétrolier du port de Rouen", "Dépôts de l’Estuaire", "Quai de France, 76000 Rouen",
            49.4457, 1.0645, ["Rouen", "Canteleu", "Déville-lès-Rouen"], null, false)),
        ("le-havre-seine", "plateforme-gonfreville", new SiteSettings(
            "Plateforme pétrochimique de Gonfreville", "Estuaire Pétrochimie", "Route industrielle, 76700 Gonfreville-l’Orcher",
            49.4858, 0.2334, ["Gonfreville-l’Orcher", "Harfleur", "Rogerville", "Le Havre"], null, false)),
        ("le-havre-seine", "terminal-methanier", new SiteSettings(
            "Terminal méthanier du Havre", "Normandie GNL", "Route de l’Estuaire, 76600 Le Havre",
            49.4695, 0.1672, ["Le Havre", "Sainte-Adresse"], null, false)),
        ("le-havre-seine", "engrais-havre", new SiteSettings(
            "Usine d’engrais du Havre", "Fertilisants de la Manche", "Rue du Pont VII, 76600 Le Havre",
            49.4780, 0.1985, ["Le Havre", "Harfleur", "Montivilliers"], null, false)),
    ];

    /// <summary>The demo's super administrator.</summary>
    public const string AdminEmail = "admin@demo.alloindustrie.fr";

    /// <summary>Operators: e-mail, name, territory and the sites they publish for.</summary>
    public static ImmutableArray<(string Email, string Name, string Territory, ImmutableArray<string> Sites)> Operators { get; } =
    [
        ("exploitant.rouen@demo.alloindustrie.fr", "Exploitant Seine Raffinage", "rouen-metropole",
            ["raffinerie-petit-couronne", "chimie-grand-quevilly"]),
        ("exploitant.havre@demo.alloindustrie.fr", "Exploitant Normandie GNL", "le-havre-seine", ["terminal-methanier"]),
    ];

    public static ImmutableArray<(string Email, string Name, string Territory)> TerritoryAdmins { get; } =
    [
        ("admin.rouen@demo.alloindustrie.fr", "Administration Rouen Métropole", "rouen-metropole"),
        ("admin.havre@demo.alloindustrie.fr", "Administration Le Havre Seine", "le-havre-seine"),
    ];

    public static ImmutableArray<(string Email, string Name, ImmutableArray<string> Territories)> Authorities { get; } =
    [
        ("dreal@demo.alloindustrie.fr", "DREAL Normandie", ["rouen-metropole", "le-havre-seine"]),
    ];
}
