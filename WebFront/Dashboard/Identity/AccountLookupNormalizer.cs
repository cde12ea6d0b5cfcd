using AlloIndustrie.Grains.Interfaces.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AlloIndustrie.WebFront.Dashboard.Identity;

/// <summary>Identity finds accounts by the same key the silo created them under.</summary>
public sealed class AccountLookupNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : AccountKeys.Normalize(name);

    public string? NormalizeEmail(string? email) => email is null ? null : AccountKeys.Normalize(email);
}
