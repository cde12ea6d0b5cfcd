using AlloIndustrie.Grains;
using AlloIndustrie.Grains.Speech;
using AlloIndustrie.ServiceDefaults.Telemetry;
using AlloIndustrie.Silo.Accounts;
using AlloIndustrie.Silo.Demo;
using AlloIndustrie.Silo.Storage;
using Orleans.Dashboard;

namespace AlloIndustrie.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>The whole silo: Orleans on the configured storage, the grains, the first administrator and the demo data of a new deployment.</summary>
    public static HostApplicationBuilder AddAlloSilo(this HostApplicationBuilder builder)
    {
        builder.AddAlloTelemetry("alloindustrie-silo");
        builder.UseOrleans(silo => silo.AddAlloStorage(builder.Configuration).AddAlloClusterTls(builder.Configuration).AddAlloSpeech().AddActivityPropagation().AddDashboard());
        builder.Services.AddAlloKeyRingSecret(builder.Configuration);
        builder.Services.AddAlloGrains(builder.Configuration);
        builder.Services.AddAlloAccounts(builder.Configuration);
        builder.Services.AddAlloDemo(builder.Configuration);
        builder.Services.AddAlloSettingRules();
        return builder;
    }
}
