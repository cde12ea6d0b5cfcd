namespace AlloIndustrie.WebFront.Voice;

/// <summary>Lets a webhook through only with a valid X-Twilio-Signature; otherwise 403, no TwiML, nothing done.</summary>
public sealed class TwilioSignatureFilter(TwilioAuthToken authToken, PublicBaseUrl publicBaseUrl, ILogger<TwilioSignatureFilter> logger)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync(context.HttpContext.RequestAborted) : FormCollection.Empty;
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
