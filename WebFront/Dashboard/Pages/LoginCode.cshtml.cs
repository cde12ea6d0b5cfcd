using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Identity;
using AlloIndustrie.WebFront.Dashboard.Security;
using AlloIndustrie.WebFront.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

public sealed class LoginCodeModel(SignInManager<AccountUser> signIn, LoginThrottle throttle, AuditTrail audit) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Login");
        }

        if (!throttle.TryEnter(ClientAddress.Of(HttpContext), user.Email))
        {
            await audit.Refused(HttpContext, AuditKey.Platform, "connexion", user.Email, "trop de tentatives", user.Email);
            Response.Headers.RetryAfter = "60";
            Error = LoginThrottle.Refusal;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal), false, false);
        if (result.Succeeded)
        {
            await audit.Changed(HttpContext, AuditKey.Platform, "connexion", user.Email, null, new { doubleFacteur = true }, user.Email);
            return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        }

        await audit.Refused(HttpContext, AuditKey.Platform, "connexion", user.Email,
            result.IsLockedOut ? "compte verrouillé" : "code de vérification incorrect", user.Email);
        Error = result.IsLockedOut ? "Ce compte est verrouillé après trop d’échecs. Réessayez plus tard." : "Code incorrect.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
