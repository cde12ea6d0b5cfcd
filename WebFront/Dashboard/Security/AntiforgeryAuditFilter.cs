using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Audit;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>A form posted without a valid antiforgery token is refused (400) by Razor Pages; this keeps a trace of it.</summary>
public sealed class AntiforgeryAuditFilter(AuditTrail audit) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var scope = context.RouteData.Values["territory"] as string ?? AuditKey.Platform;
            await audit.Refused(context.HttpContext, scope, "formulaire", context.HttpContext.Request.Path, "jeton antifalsification absent ou invalide");
        }

        await next();
    }
}
