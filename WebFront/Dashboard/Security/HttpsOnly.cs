namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>
/// With <see cref="DashboardOptions.SecureCookiesOnly"/>, the dashboard refuses a request that did not come over
/// HTTPS, as the request itself or a trusted proxy tells: its Secure cookies would never come back, and
/// antiforgery would not even issue one. The usual cause is a proxy that does not send
/// <c>X-Forwarded-Proto</c>, or is not listed in <c>Allo:Proxy</c>; the answer says so.
/// </summary>
public static class HttpsOnly
{
    public static async Task Require(HttpContext context, Func<Task> next)
    {
        if (context.Request.IsHttps)
        {
            await next();
            return;
        }

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsOnly)).LogWarning(
            "Refused {Path} over plain HTTP (Allo:Dashboard:SecureCookiesOnly); a proxy in front must send X-Forwarded-Proto and be listed in Allo:Proxy",
            context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "Le tableau de bord n’est accessible qu’en HTTPS. Si vous y êtes déjà, le serveur ne le sait pas : " +
            "le proxy qui le précède doit transmettre l’en-tête X-Forwarded-Proto et figurer dans Allo:Proxy:KnownProxies ou KnownNetworks.");
    }
}
