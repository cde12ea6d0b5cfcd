using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>Sends the unauthenticated to the sign-in page, and audits those whose session had expired or who posted without one.</summary>
public static class SessionEvents
{
    public static async Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var hadSession = request.Cookies.ContainsKey(context.Options.Cookie.Name!);
        if (hadSession || HttpMethods.IsPost(request.Method))
        {
            var audit = context.HttpContext.RequestServices.GetRequiredService<AuditTrail>();
            await audit.Refused(
                context.HttpContext, AuditKey.Platform, $"{request.Method} {request.Path}", request.Path,
                hadSession ? "session expirée ou invalide" : "aucune session");
        }

        context.Response.Redirect(context.RedirectUri);
    }
}
