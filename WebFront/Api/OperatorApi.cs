using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.ApiKeys;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.WebFront.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlloIndustrie.WebFront.Api;

/// <summary>The operators' machine-to-machine API: publish, update, end, withdraw, each with the site's own key.</summary>
public static class OperatorApi
{
    /// <summary>Every status the contract gives the operators' API for a refusal, for the OpenAPI document.</summary>
    private static readonly int[] RefusalStatuses =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
        StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests,
    ];

    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").RequireRateLimiting(ApiLimits.OperatorPolicy).WithTags("Opérateurs");
        foreach (var status in RefusalStatuses)
        {
            api.ProducesProblem(status);
        }

        api.MapPost("/territories/{territory}/sites/{site}/notices", Publish)
            .WithSummary("Publier une notice pour un site");
        api.MapPost("/notices/{id}/updates", (string id, HttpContext context, IGrainFactory grains, AuditTrail audit) =>
            Change(id, context, grains, audit, "notice.point", (notice, body) => notice.AddUpdate(body.Message ?? "", body.Notify ?? true)))
            .WithSummary("Ajouter un point de situation");
        api.MapPost("/notices/{id}/end", (string id, HttpContext context, IGrainFactory grains, AuditTrail audit) =>
            Change(id, context, grains, audit, "notice.fin", (notice, body) => notice.End(body.Message)))
            .WithSummary("Annoncer la fin de l’événement");
        api.MapPost("/notices/{id}/withdraw", (string id, HttpContext context, IGrainFactory grains, AuditTrail audit) =>
            Change(id, context, grains, audit, "notice.retrait", (notice, body) => notice.Withdraw(body.Reason ?? "")))
            .WithSummary("Retirer une notice erronée");
        return routes;
    }

    private static async Task<Results<Created<NoticeSnapshot>, ProblemHttpResult>> Publish(string territory, string site, HttpContext context, IGrainFactory grains, AuditTrail audit)
    {
        var authentication = await Authenticate(context, grains);
        if (authentication.Value is not { } caller)
        {
            return Problems.From(authentication.Error!, context);
        }

        if (caller.Territory != territory || caller.Site != site)
        {
            await audit.Refused(context, caller.Territory, "notice.publier", SiteKey.Of(territory, site), "clé d’un autre site", KeyActor(context));
            return Problems.Forbidden();
        }

        var reading = await RequestReading.ReadJson<PublishNoticeRequest>(context);
        if (reading.Value is not { } body)
        {
            return Problems.From(reading.Error!);
        }

        var errors = new Dictionary<string, string>();
        var draft = new NoticeDraft(
            body.EventType ?? "",
            body.Nuisances is null ? [] : [.. body.Nuisances],
            body.Title ?? "",
            body.Message ?? "",
            body.Instructions,
            body.Exercise ?? false,
            RequestReading.ParseInstant(body.StartsAt, "startsAt", errors),
            RequestReading.ParseInstant(body.ExpectedEndAt, "expectedEndAt", errors),
            RequestReading.ParseDuration(body.Retention, "retention", errors));
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors.ToImmutableDictionary());
        }

        var result = await grains.GetGrain<ISiteGrain>(SiteKey.Of(territory, site)).Publish(draft);
        if (result.Notice is not { } notice)
        {
            return Problems.From(result.Error!);
        }

        await audit.Changed(context, territory, "notice.publier", notice.Id, null, AuditViews.Notice(notice), KeyActor(context));
        return TypedResults.Created($"/api/v1/notices/{notice.Id}", notice);
    }

    private static async Task<Results<Ok<NoticeSnapshot>, ProblemHttpResult>> Change(
        string id, HttpContext context, IGrainFactory grains, AuditTrail audit, string action,
        Func<INoticeGrain, NoticeMessageRequest, Task<NoticeResult>> change)
    {
        var authentication = await Authenticate(context, grains);
        if (authentication.Value is not { } caller)
        {
            return Problems.From(authentication.Error!, context);
        }

        var grain = Identifiers.IsNoticeId(id) ? grains.GetGrain<INoticeGrain>(id) : null;
        if (grain is null || await grain.Get() is not { } current)
        {
            return Problems.NotFound("Notice introuvable.");
        }

        if (current.Territory != caller.Territory || current.Site != caller.Site)
        {
            await audit.Refused(context, current.Territory, action, id, "clé d’un autre site", KeyActor(context));
            return Problems.Forbidden();
        }

        var reading = await RequestReading.ReadJson<NoticeMessageRequest>(context);
        if (reading.Value is not { } body)
        {
            return Problems.From(reading.Error!);
        }

        var result = await change(grain, body);
        if (result.Notice is not { } notice)
        {
            return Problems.From(result.Error!);
        }

        await audit.Changed(context, notice.Territory, action, id, AuditViews.Notice(current), AuditViews.Notice(notice), KeyActor(context));
        return TypedResults.Ok(notice);
    }

    /// <summary>The site whose key the request carries, or the refusal: no key, a wrong one, or too many tries or requests.</summary>
    private static async Task<CommandResult<SiteRef>> Authenticate(HttpContext context, IGrainFactory grains)
    {
        var limits = context.RequestServices.GetRequiredService<ApiLimits>();
        if (!limits.MayTryKey(context))
        {
            return CommandResult<SiteRef>.Failed(ApiLimits.TooManyRequests);
        }

        var site = ApiKeyFormat.TryParse(BearerToken(context), out var keyId, out var secret)
            ? await grains.GetGrain<IApiKeyGrain>(keyId).Authenticate(secret)
            : null;
        if (site is null)
        {
            limits.KeyRefused(context);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return CommandResult<SiteRef>.Failed(Problems.NoKey);
        }

        return limits.TryKey(keyId) ? CommandResult<SiteRef>.Ok(site) : CommandResult<SiteRef>.Failed(ApiLimits.TooManyRequests);
    }

    private static string KeyActor(HttpContext context) =>
        AuditTrail.KeyActor(ApiKeyFormat.TryParse(BearerToken(context), out var keyId, out _) ? keyId : "?");

    /// <summary>The raw bearer token.</summary>
    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
