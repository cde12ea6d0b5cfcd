using AlloIndustrie.WebFront.Hosting;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// Lets a webhook through only with a valid X-Twilio-Signature; otherwise 403, no TwiML, nothing done. The
/// signature covers the form, so the form is read first: no more than <see cref="MaxBodyBytes"/> of it.
/// </summary>
public sealed class TwilioSignatureFilter(TwilioAuthToken authToken, PublicBaseUrl publicBaseUrl, ILogger<TwilioSignatureFilter> logger)
    : IEndpointFilter
{
    /// <summary>Twilio's webhooks weigh one or two KB; anyone may post, so nobody may make the node read megabytes.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var form = await BodyLimit.Read(context.HttpContext, MaxBodyBytes, (posted, cancellation) =>
            posted.HasFormContentType ? posted.ReadFormAsync(cancellation) : Task.FromResult<IFormCollection>(FormCollection.Empty));
        if (form is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var parameters = form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? ""))).ToArray();
        var url = publicBaseUrl.OfRequest(request);
        var token = await authToken.Get();

        if (token is null)
        {
            logger.LogError("Refused webhook {Url}: no Twilio auth token is configured (Allo:Twilio:AuthToken)", url);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!TwilioSignature.IsValid(url, parameters, token, request.Headers[TwilioSignature.Header]))
        {
            logger.LogWarning("Refused webhook {Url}: bad or missing {Header}", url, TwilioSignature.Header);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
