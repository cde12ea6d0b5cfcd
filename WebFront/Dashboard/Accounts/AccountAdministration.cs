using System.Collections.Immutable;
using System.Security.Cryptography;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Identity;
using Microsoft.AspNetCore.Identity;

namespace AlloIndustrie.WebFront.Dashboard.Accounts;

/// <summary>
/// What administrators do to accounts, through Identity so that passwords are validated and hashed, and
/// security stamps rotated (which ends the account's open sessions).
/// </summary>
public sealed class AccountAdministration(UserManager<AccountUser> users, AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// Whether <paramref name="actor"/> may manage <paramref name="target"/>: a super administrator anyone
    /// else; a territory administrator the operators whose every territory it administers.
    /// </summary>
    public static bool CanManage(AccountRecord actor, AccountRecord target) => actor switch
    {
        { Disabled: true } => false,
        { Role: AccountRole.SuperAdmin } => actor.NormalizedEmail != target.NormalizedEmail,
        { Role: AccountRole.TerritoryAdmin } => target.Role == AccountRole.Operator
            && !target.Territories.IsDefaultOrEmpty
            && target.Territories.All(t => actor.Territories.Contains(t)),
        _ => false,
    };

    /// <summary>Creates an account with a generated password; the message carries the password to hand over, shown once.</summary>
    public async Task<AccountMessage> Create(
        string email, string displayName, AccountRole role, ImmutableArray<string> territories, ImmutableArray<string> sites)
    {
        if (AccountRules.DisplayNameProblem(displayName) is { } problem)
        {
            return new AccountMessage(null, Error: problem);
        }

        var password = GeneratePassword();
        var user = new AccountUser
        {
            Email = email.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Trim() : displayName.Trim(),
            Role = role,
            Territories = territories,
            Sites = sites,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded
            ? new AccountMessage($"Compte {email.Trim()} créé.", password)
            : new AccountMessage(null, Error: Describe(result));
    }

    /// <summary>
    /// Sets a new generated password, unlocks the account and ends its sessions, recording it in the audit
    /// trail of <paramref name="scope"/>; the message carries the password to hand over, shown once.
    /// </summary>
    public async Task<AccountMessage> ResetPassword(HttpContext context, string scope, AccountRecord target)
    {
        if (await users.FindByEmailAsync(target.NormalizedEmail) is not { } user)
        {
            return new AccountMessage(null, Error: "Compte inconnu.");
        }

        var password = GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, null);
        }

        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return new AccountMessage(null, Error: Describe(result));
        }

        await audit.Changed(context, scope, "compte.reinitialiser", target.Email, null, new { motDePasse = "réinitialisé" });
        return new AccountMessage($"Mot de passe de {target.Email} réinitialisé.", password);
    }

    /// <summary>Disables (ending its sessions) or enables an account, recording it in the audit trail of <paramref name="scope"/>.</summary>
    public async Task<AccountMessage> SetDisabled(HttpContext context, string scope, AccountRecord target, bool disabled)
    {
        if (await users.FindByEmailAsync(target.NormalizedEmail) is not { } user)
        {
            return new AccountMessage(null, Error: "Compte inconnu.");
        }

        user.Disabled = disabled;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return new AccountMessage(null, Error: Describe(result));
        }

        await audit.Changed(context, scope, DisableAction(disabled), target.Email, new { desactive = target.Disabled }, new { desactive = disabled });
        return new AccountMessage($"Compte {target.Email} {(disabled ? "désactivé" : "réactivé")}.");
    }

    /// <summary>The audit trail's name for disabling or re-enabling an account.</summary>
    public static string DisableAction(bool disabled) => disabled ? "compte.desactiver" : "compte.reactiver";

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
