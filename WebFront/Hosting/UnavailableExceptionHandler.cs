using AlloIndustrie.WebFront.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// What a request gets when the cluster or its database fails under it: a 503 that says to try again, in
/// French, never a bare 500. Grains keep no half-done change in memory after a failed write, so a retry is safe.
/// </summary>
public sealed class UnavailableExceptionHandler(ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        context.Response.Headers.RetryAfter = "10";
        const string Title = "Service momentanément indisponible : la demande n’a pas pu être traitée. Réessayez dans quelques instants.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Problems.Of(StatusCodes.Status503ServiceUnavailable, Title).ExecuteAsync(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Title, cancellationToken);
        }

        return true;
    }
}
