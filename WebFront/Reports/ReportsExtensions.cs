namespace AlloIndustrie.WebFront.Reports;

/// <summary>Wires residents' reports into the web front.</summary>
public static class ReportsExtensions
{
    public static WebApplicationBuilder AddAlloReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ReportSettings.From(builder.Configuration));
        builder.Services.AddSingleton<ClientLimits>();
        return builder;
    }

    public static WebApplication MapAlloReports(this WebApplication app)
    {
        ReportEndpoints.Map(app);
        return app;
    }
}
