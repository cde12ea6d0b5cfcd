using Microsoft.AspNetCore.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

public static class AuthorizationPolicies
{
    /// <summary>The policies of routes outside the dashboard's pages that still need a signed-in account.</summary>
    public static IServiceCollection AddAlloPolicies(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, PlatformAdminHandler>();
        services.AddScoped<IAuthorizationHandler, PhoneSimulatorHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformAdminRequirement.Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new PlatformAdminRequirement()))
            .AddPolicy(PhoneSimulatorRequirement.Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new PhoneSimulatorRequirement()));
        return services;
    }
}
