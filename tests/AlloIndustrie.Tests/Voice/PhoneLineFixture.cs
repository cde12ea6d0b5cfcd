using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;
using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Telephony;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>
/// The real silo and web front, configured as behind a proxy (<c>Allo:PublicBaseUrl</c>) with a Twilio auth
/// token in configuration, and an Orleans client on the silo's gateway to read the phone line's counters.
/// </summary>
public sealed class PhoneLineFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://allo.example.test";
    public const string AuthToken = "test-auth-token-0123456789abcdef";
    private IHost? client;

    public RunningService Service { get; private set; } = null!;

    public TwilioWebhooks Twilio { get; private set; } = null!;

    /// <summary>Twilio's REST API, where the calls to subscribers are placed (the service authenticates with an API key).</summary>
    public TwilioStandIn TwilioApi { get; private set; } = null!;

    public IGrainFactory Grains => client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        TwilioApi = await TwilioStandIn.Start();
        var environment = TwilioApi.Environment();
        environment.Remove("Allo__Twilio__AuthToken");
        environment["Allo__Twilio__ApiKeySid"] = TwilioStandIn.ApiKeySid;
        environment["Allo__Twilio__ApiKeySecret"] = TwilioStandIn.ApiKeySecret;
        environment["Allo__PublicBaseUrl"] = PublicBaseUrl;
        environment["Allo__Twilio__AuthToken"] = AuthToken;
        Service = new RunningService(environment);
        Twilio = new TwilioWebhooks(Service.Http, PublicBaseUrl, AuthToken);
        await Service.Start();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(Service.GatewayPort(0), ClusterConnection.ServiceId, ClusterConnection.DefaultClusterId));
        client = builder.Build();
        await client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (client is not null)
        {
            await client.StopAsync();
            client.Dispose();
        }

        await Service.DisposeAsync();
        await TwilioApi.DisposeAsync();
    }
}
