namespace AlloIndustrie.Silo.Accounts;

/// <summary>Bound from <c>Allo:Admin</c>: the first super administrator, created at start if none exists.</summary>
public sealed class AdminOptions
{
    public const string Section = "Allo:Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
