namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>
/// The limits of a territory's texts, shared by the dashboard's form (to say what is wrong) and the territory grain
/// (which never trusts its caller). Messages are French: they reach administrators as they are.
/// </summary>
public static class TerritoryRules
{
    public const int NameMaxLength = 100;
    public const int GreetingMaxLength = 1000;

    /// <summary>The publisher's and the host's texts, several lines each.</summary>
    public const int LegalTextMaxLength = 1000;

    /// <summary>An address where residents write: an e-mail, a form's address, a postal address on one line.</summary>
    public const int ContactMaxLength = 200;

    /// <summary>The first problem of <paramref name="profile"/>'s texts, or null when every one may be stored and shown.</summary>
    public static string? Problem(TerritoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var legal = profile.Legal ?? TerritoryLegal.Empty;
        return Required(profile.Name, "Le nom du territoire")
            ?? Required(profile.Greeting, "Le message d’accueil")
            ?? Longer(profile.Name, NameMaxLength, "Le nom du territoire")
            ?? Longer(profile.Greeting, GreetingMaxLength, "Le message d’accueil")
            ?? Longer(legal.Publisher, LegalTextMaxLength, "L’éditeur")
            ?? Longer(legal.Host, LegalTextMaxLength, "L’hébergeur")
            ?? Longer(legal.AccessibilityContact, ContactMaxLength, "Le contact pour l’accessibilité")
            ?? Longer(legal.PrivacyContact, ContactMaxLength, "Le contact pour les données personnelles")
            ?? (Enum.IsDefined(legal.Conformity) ? null : "L’état de conformité doit être « non conforme », « partiellement conforme » ou « totalement conforme ».")
            ?? TextRules.FirstProblem(
                (profile.Name, "Le nom du territoire", false),
                (profile.Greeting, "Le message d’accueil", true),
                (legal.Publisher, "L’éditeur", true),
                (legal.Host, "L’hébergeur", true),
                (legal.AccessibilityContact, "Le contact pour l’accessibilité", false),
                (legal.PrivacyContact, "Le contact pour les données personnelles", false));
    }

    /// <summary><paramref name="profile"/> as it is stored: texts without the spaces around them, no missing part.</summary>
    public static TerritoryProfile Normalized(TerritoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var legal = profile.Legal ?? TerritoryLegal.Empty;
        return profile with
        {
            Name = profile.Name?.Trim() ?? "",
            Greeting = profile.Greeting?.Trim() ?? "",
            PhoneNumbers = profile.PhoneNumbers.IsDefault ? [] : profile.PhoneNumbers,
            CommuneCentres = profile.CommuneCentres.IsDefault ? [] : profile.CommuneCentres,
            Legal = legal with
            {
                Publisher = legal.Publisher?.Trim() ?? "",
                Host = legal.Host?.Trim() ?? "",
                AccessibilityContact = legal.AccessibilityContact?.Trim() ?? "",
                PrivacyContact = legal.PrivacyContact?.Trim() ?? "",
            },
        };
    }

    private static string? Required(string? value, string label) =>
        string.IsNullOrWhiteSpace(value) ? $"{label} est obligatoire." : null;

    private static string? Longer(string? value, int max, string label) =>
        value is { Length: var length } && length > max ? $"{label} ne doit pas dépasser {max} caractères." : null;
}
