using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>The closed lists of the contract, with the French words residents read and hear.</summary>
public static class NoticeVocabulary
{
    public static ImmutableDictionary<string, string> EventTypes { get; } = new Dictionary<string, string>
    {
        ["fire"] = "Incendie",
        ["smoke"] = "Fumée",
        ["odour"] = "Odeur",
        ["siren"] = "Sirène",
        ["flare"] = "Torchage",
        ["valve-noise"] = "Bruit de soupape",
        ["noise"] = "Bruit",
        ["steam"] = "Vapeur",
        ["light"] = "Lumière",
        ["dust"] = "Poussières",
        ["other"] = "Autre événement",
    }.ToImmutableDictionary();

    public static ImmutableDictionary<string, string> Nuisances { get; } = new Dictionary<string, string>
    {
        ["noise"] = "Bruit",
        ["smoke"] = "Fumée",
        ["odour"] = "Odeur",
        ["light"] = "Lumière",
        ["vibration"] = "Vibrations",
        ["dust"] = "Poussières",
        ["traffic"] = "Circulation",
    }.ToImmutableDictionary();

    /// <summary>Status in plain French words, as the public page and the phone say it.</summary>
    public static string StatusInWords(NoticeStatus status) => status switch
    {
        NoticeStatus.Scheduled => "à venir",
        NoticeStatus.Active => "en cours",
        NoticeStatus.Ended => "terminé",
        NoticeStatus.Expired => "expiré",
        NoticeStatus.Withdrawn => "retiré",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
