using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.WebFront.Residents.Subscriptions.WebPush;

namespace AlloIndustrie.WebFront.Api;

/// <summary>The JSON API: operators' systems publishing notices, and the public reading them.</summary>
public static class ApiExtensions
{
    /// <summary>OpenAPI and the API's rate limits (<c>UseRateLimiter</c> applies them, in Program.cs).</summary>
    public static WebApplicationBuilder AddAlloApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.AddAlloWebPush();
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateSettings(ApiOptions.Check);
        builder.Services.AddSingleton<ApiLimits>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ApiLimits.OperatorPolicy, context => ApiLimits.PerAddress(context, ApiLimits.OperatorPolicy, Limits(context).OperatorPerAddress));
            limiter.AddPolicy(ApiLimits.PublicPolicy, context => ApiLimits.PerAddress(context, ApiLimits.PublicPolicy, Limits(context).PublicPerAddress));
            limiter.OnRejected = (rejected, cancellation) => new ValueTask(ApiLimits.TooMany(rejected.HttpContext).ExecuteAsync(rejected.HttpContext));
        });
        return builder;
    }

    private static ApiLimits Limits(HttpContext context) => context.RequestServices.GetRequiredService<ApiLimits>();

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
