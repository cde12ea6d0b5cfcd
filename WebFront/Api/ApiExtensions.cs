using AlloIndustrie.WebFront.Residents.Subscriptions.WebPush;

namespace AlloIndustrie.WebFront.Api;

/// <summary>The JSON API: operators' systems publishing notices, and the public reading them.</summary>
public static class ApiExtensions
{
    /// <summary>OpenAPI and the API's rate limits (<c>UseRateLimiter</c> applies them, in Program.cs).</summary>
    public static WebApplicationBuilder AddAlloApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.AddAlloWebPush(builder.Configuration);
        var limits = new ApiLimits(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ApiLimits.OperatorPolicy, context => ApiLimits.PerAddress(context, ApiLimits.OperatorPolicy, limits.OperatorPerAddress));
            limiter.AddPolicy(ApiLimits.PublicPolicy, context => ApiLimits.PerAddress(context, ApiLimits.PublicPolicy, limits.PublicPerAddress));
            limiter.OnRejected = (rejected, cancellation) => new ValueTask(ApiLimits.TooMany(rejected.HttpContext).ExecuteAsync(rejected.HttpContext));
        });
        return builder;
    }

    /// <summary><c>/api/v1/…</c> and <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapAlloApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapPublicApi();
        app.MapOperatorApi();
        app.MapPushKeyApi();
        return app;
    }
}
