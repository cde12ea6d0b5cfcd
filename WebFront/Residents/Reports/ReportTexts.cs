namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>The reports' words, in French (the section says so with its own <c>lang</c> on English pages).</summary>
public static class ReportTexts
{
    public const string Thanks = "Merci, votre signalement est enregistré.";

    public const string Explained = "C’est probablement expliqué par :";

    public const string Unexplained =
        "Aucun événement publié ne l’explique pour l’instant. Si d’autres habitants signalent la même chose, " +
        "les exploitants des sites proches et les responsables du territoire seront prévenus.";

    public const string TooMany = "Vous avez envoyé beaucoup de signalements : merci, réessayez dans une heure.";

    public const string Consent =
        "Votre signalement est anonyme : nous ne demandons ni nom ni adresse, et nous n’enregistrons pas votre adresse IP. " +
        "Nous gardons seulement ce que vous percevez, la commune, l’heure et votre texte éventuel, pour prévenir les exploitants " +
        "et publier un décompte par commune. N’écrivez pas de nom ni de coordonnées dans le texte. " +
        "Si vous utilisez votre position, votre navigateur l’arrondit à environ 500 mètres avant de l’envoyer ; " +
        "nous n’en déduisons que la commune la plus proche, et votre position n’est ni conservée ni inscrite dans nos journaux.";
}
