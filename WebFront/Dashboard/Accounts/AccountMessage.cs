namespace AlloIndustrie.WebFront.Dashboard.Accounts;

/// <summary>The outcome of an account action, shown once: a confirmation, a new password to hand over, or an error.</summary>
public sealed record AccountMessage(string? Text, string? Password = null, string? Error = null);
