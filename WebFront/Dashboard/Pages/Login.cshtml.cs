using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Identity;
using AlloIndustrie.WebFront.Dashboard.Security;
using AlloIndustrie.WebFront.Hosting;
using AlloIndustrie.WebFront.Voice;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

public sealed class LoginModel(SignInManager<AccountUser> signIn, LoginThrottle throttle, AuditTrail audit) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!throttle.TryEnter(ClientAddress.Of(HttpContext), Email))
        {
            await audit.Refused(HttpContext, AuditKey.Platform, "connexion", Email, "trop de tentatives", Email);
            Response.Headers.RetryAfter = "60";
            return Refuse(StatusCodes.Status429TooManyRequests, LoginThrottle.Refusal);
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.Changed(HttpContext, AuditKey.Platform, "connexion", Email.Trim(), null, null, Email.Trim());
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/LoginCode", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            await audit.Refused(HttpContext, AuditKey.Platform, "connexion", Email, "compte verrouillé", Email);
            return Refuse(StatusCodes.Status401Unauthorized,
                "Ce compte est verrouillé après trop d’échecs. Réessayez plus tard ou demandez à votre administrateur de réinitialiser votre mot de passe.");
        }

        // Identity checks a disabled account before its password: the answer must not tell that it exists.
        await audit.Refused(HttpContext, AuditKey.Platform, "connexion", Email, result.IsNotAllowed ? "compte désactivé" : "identifiants incorrects", Email);
        return Refuse(StatusCodes.Status401Unauthorized, "Adresse e-mail ou mot de passe incorrect.");
    }

    /// <summary>
    /// Only a path of the signed-in tools (the dashboard, the phone simulator, Orleans' dashboard) that the
    /// framework itself deems local (no control character, no other host): a crafted link must not send a user
    /// elsewhere after signing in, nor make the redirect fail.
    /// </summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        returnUrl is not null && url.IsLocalUrl(returnUrl) && !returnUrl.Contains("//", StringComparison.Ordinal) && !returnUrl.Contains('\\')
            && SignedInAreas.Any(area => returnUrl == area || returnUrl.StartsWith(area + "/", StringComparison.Ordinal) || returnUrl.StartsWith(area + "?", StringComparison.Ordinal))
            ? returnUrl
            : DashboardExtensions.Root;

    private static readonly string[] SignedInAreas = [DashboardExtensions.Root, VoiceRoutes.Simulator, OrleansDashboardExtensions.Path];

    private PageResult Refuse(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
