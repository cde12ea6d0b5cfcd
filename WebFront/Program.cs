using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Hosting;
using AlloIndustrie.WebFront.Residents;
using AlloIndustrie.WebFront.Voice;

return await ServiceStart.RunAsync(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddAlloHosting();
    builder.AddAlloApi();
    builder.AddAlloResidents();
    builder.AddAlloVoice();
    builder.AddAlloDashboard();

    var app = builder.Build();

    // Everything after must see the client's address and scheme, as the trusted proxy gave them.
    app.UseForwardedHeaders();
    app.UseExceptionHandler();

    // A public page already rendered is answered here, before routing and the guards it does not need.
    app.UseAlloPublicPageShortcut();
    app.UseRouting();
    app.UseRateLimiter();
    app.UseAlloDashboard();
    app.UseAuthentication();
    app.UseAuthorization();

    // A dashboard form is named after its URL before antiforgery reads it; a refused token is audited.
    app.UseAlloDashboardForms();
    app.UseAntiforgery();
    app.UseAlloAntiforgeryAudit();

    app.MapAlloHosting();
    app.MapAlloApi();
    app.MapAlloResidents();
    app.MapAlloVoice();
    app.MapAlloDashboard();
    return app;
});
