using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Audit;
using Microsoft.AspNetCore.Antiforgery;

namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>A form posted without a valid antiforgery token is refused (400) by the page; this keeps a trace of it.</summary>
public static class AntiforgeryAudit
{
    public static async Task Record(HttpContext context, Func<Task> next)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            var scope = context.GetRouteValue("territory") as string ?? AuditKey.Platform;
            await context.RequestServices.GetRequiredService<AuditTrail>()
                .Refused(context, scope, "formulaire", context.Request.Path, "jeton antifalsification absent ou invalide");
        }

        await next();
    }
}
