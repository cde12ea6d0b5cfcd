using System.Text;
using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>The signed-in account's own settings: the name it is greeted by, its password and its TOTP second factor.</summary>
public sealed class AccountModel(UserManager<AccountUser> users, SignInManager<AccountUser> signIn, AuditTrail audit) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }

    /// <summary>The authenticator key to type into an app, once drawn and while two-factor is off.</summary>
    public string? SharedKey { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public string DisplayName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user ? await Show(user) : Challenge();

    public async Task<IActionResult> OnPostNameAsync(string? displayName)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var errors = Grains.Interfaces.Notices.NoticeRules.ValidateText("displayName", displayName, MaxNameLength, "Votre nom");
        if (!errors.IsEmpty)
        {
            await audit.Refused(HttpContext, AuditKey.Platform, "compte.nom", user.Email, "nom invalide");
            Error = string.Join(" ", errors.Values);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show(user);
        }

        var before = user.DisplayName;
        user.DisplayName = displayName!.Trim();
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await audit.Changed(HttpContext, AuditKey.Platform, "compte.nom", user.Email, new { DisplayName = before }, new { user.DisplayName });
            Message = "Nom enregistré.";
        }
        else
        {
            await Outcome(user, "compte.nom", result, "");
        }

        return await Show(user);
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? current, string? next)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, current ?? "", next ?? "");
        await Outcome(user, "compte.mot-de-passe", result, "Mot de passe changé.");
        return await Show(user);
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync(string? code)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, (code ?? "").Replace(" ", "", StringComparison.Ordinal));
        var result = valid ? await users.SetTwoFactorEnabledAsync(user, true) : IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        await Outcome(user, "compte.double-facteur.activer", result, "Double authentification activée.");
        return await Show(user);
    }

    /// <summary>
    /// Draws the authenticator key on request, never on a mere visit: a new key rotates the security stamp,
    /// which ends the account's sessions on its other devices.
    /// </summary>
    public async Task<IActionResult> OnPostSetUpTwoFactorAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var result = await users.ResetAuthenticatorKeyAsync(user);
        await Outcome(user, "compte.double-facteur.cle", result, "Clé créée : ajoutez-la dans votre application, puis saisissez le code.");
        return await Show(user);
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded)
        {
            result = await users.ResetAuthenticatorKeyAsync(user);
        }

        await Outcome(user, "compte.double-facteur.desactiver", result, "Double authentification désactivée.");
        return await Show(user);
    }

    private async Task Outcome(AccountUser user, string action, IdentityResult result, string success)
    {
        if (result.Succeeded)
        {
            await audit.Changed(HttpContext, AuditKey.Platform, action, user.Email, null, null);
            Message = success;

            // The security stamp changed: this session is renewed, the account's other sessions end.
            await signIn.RefreshSignInAsync(user);
        }
        else
        {
            await audit.Refused(HttpContext, AuditKey.Platform, action, user.Email, string.Join(" ", result.Errors.Select(e => e.Code)));
            Error = string.Join(" ", result.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private const int MaxNameLength = 100;

    private async Task<IActionResult> Show(AccountUser user)
    {
        DisplayName = user.DisplayName;
        TwoFactorEnabled = user.TwoFactorEnabled;
        SharedKey = TwoFactorEnabled ? null : Group(await users.GetAuthenticatorKeyAsync(user));
        return Page();
    }

    // Groups of four are easier to type into a phone.
    private static string? Group(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
