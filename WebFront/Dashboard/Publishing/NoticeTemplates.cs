using System.Collections.Immutable;

namespace AlloIndustrie.WebFront.Dashboard.Publishing;

/// <summary>Ready-made forms for the recurring events, so that a routine notice takes seconds.</summary>
public static class NoticeTemplates
{
    public static ImmutableArray<(string Id, string Label, Func<DateTime, NoticeForm> Create)> All { get; } =
    [
        ("essai-sirene", "Essai de sirène", now => new NoticeForm
        {
            EventType = "siren",
            Nuisances = ["noise"],
            Exercise = true,
            Title = "Essai de la sirène du site",
            Message = "La sirène du site va retentir pour son essai réglementaire, pendant environ une minute. Il s’agit d’un essai : il n’y a aucun danger.",
            Instructions = "Aucune action n’est nécessaire.",
            Start = "later",
            StartsAt = NextNoon(now),
            ExpectedEndAt = NextNoon(now).AddMinutes(15),
            RetentionDays = 1,
        }),
        ("exercice", "Exercice de sécurité", now => new NoticeForm
        {
            EventType = "other",
            Nuisances = ["noise", "traffic"],
            Exercise = true,
            Title = "Exercice de sécurité sur le site",
            Message = "Un exercice de sécurité se déroule sur le site. Des véhicules de secours et des alarmes peuvent être vus et entendus. Il s’agit d’un exercice.",
            Instructions = "Aucune action n’est nécessaire. Ne vous déplacez pas vers le site.",
            ExpectedEndAt = Round(now).AddHours(2),
        }),
        ("torchage-programme", "Torchage programmé", now => new NoticeForm
        {
            EventType = "flare",
            Nuisances = ["light", "noise", "smoke"],
            Title = "Torchage programmé",
            Message = "Une opération de maintenance entraîne un torchage : une flamme et un peu de fumée peuvent être visibles au-dessus du site, et un bruit perçu. Cette opération est maîtrisée et sans danger.",
            Instructions = "Aucune action n’est nécessaire.",
            Start = "later",
            StartsAt = Round(now).AddHours(1),
            ExpectedEndAt = Round(now).AddHours(7),
        }),
    ];

    private static DateTime Round(DateTime now) => new(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Unspecified);

    private static DateTime NextNoon(DateTime now)
    {
        var noon = new DateTime(now.Year, now.Month, now.Day, 12, 0, 0, DateTimeKind.Unspecified);
        return noon > now ? noon : noon.AddDays(1);
    }
}
