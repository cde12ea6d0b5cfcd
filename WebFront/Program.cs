using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.WebFront.Hosting;
using AlloIndustrie.WebFront.Reports;
using AlloIndustrie.WebFront.Telemetry;
using AlloIndustrie.WebFront.Voice;

return await ServiceStart.RunAsync(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddAlloWebTelemetry();
    builder.AddAlloReverseProxy();
    builder.AddAlloOrleansClient();
    builder.AddAlloApi();
    builder.AddAlloPublicSite();
    builder.AddAlloVoice();
    builder.AddAlloDashboard();
    builder.AddAlloReports();

    var app = builder.Build();
    app.UseAlloReverseProxy();
    app.MapAlloApi();
    app.MapAlloPublicSite();
    app.MapAlloVoice();
    app.MapAlloDashboard();
    app.MapAlloReports();
    return app;
});
