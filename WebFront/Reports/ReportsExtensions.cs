using AlloIndustrie.WebFront.Reports.Alerts;

namespace AlloIndustrie.WebFront.Reports;

/// <summary>Wires residents' reports into the web front.</summary>
public static class ReportsExtensions
{
    public static WebApplicationBuilder AddAlloReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ReportSettings.From(builder.Configuration));
        builder.Services.AddSingleton<ClientLimits>();
        builder.Services.AddSingleton<ReportHeatReader>();
        builder.Services.AddScoped<ReportAlertBoard>();
        builder.Services.AddSingleton<ReportAlertRelay>();
        builder.Services.AddHostedService<ReportAlertSubscriptions>();
        return builder;
    }

    public static WebApplication MapAlloReports(this WebApplication app)
    {
        ReportEndpoints.Map(app);
        app.MapHub<ReportAlertHub>(ReportAlertHub.Path);
        return app;
    }
}
