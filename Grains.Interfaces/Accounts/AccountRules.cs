namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>The limits of an account's texts, shared by the dashboard's forms and the check before an account is created.</summary>
public static class AccountRules
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>Null when <paramref name="displayName"/> may be shown on every page that names the account; else the French reason.</summary>
    public static string? DisplayNameProblem(string displayName) =>
        displayName.Trim().Length > DisplayNameMaxLength
            ? $"Le nom affiché ne doit pas dépasser {DisplayNameMaxLength} caractères."
            : TextRules.Problem(displayName, "Le nom affiché");
}
