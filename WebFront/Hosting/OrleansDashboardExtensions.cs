using AlloIndustrie.WebFront.Dashboard.Authorization;
using Orleans.Dashboard;

namespace AlloIndustrie.WebFront.Hosting;

public static class OrleansDashboardExtensions
{
    public const string Path = "/orleans";

    /// <summary>
    /// Orleans' own dashboard (silos, grains, reminders), for super administrators signed in to the
    /// platform's dashboard; everyone else is sent to the login page or refused.
    /// </summary>
    public static WebApplication MapAlloOrleansDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard(Path).RequireAuthorization(PlatformAdminRequirement.Policy);
        return app;
    }
}
