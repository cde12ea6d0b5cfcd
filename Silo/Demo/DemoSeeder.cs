using System.Security.Cryptography;
using System.Text.Json;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Silo.Demo;

/// <summary>
/// Fills a deployment that has no territory yet with the demo, once the silo runs. An existing deployment,
/// even one started with the demo before, is never touched, and of several silos starting together only one
/// seeds.
/// </summary>
public sealed class DemoSeeder(IGrainFactory grains, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger) : IHostedService
{
    public const string CredentialsFile = "demo-credentials.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        if (!await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).ClaimFirstStart())
        {
            return;
        }

        foreach (var territory in DemoData.Territories)
        {
            await grains.GetGrain<ITerritoryGrain>(territory.Slug).Configure(territory);
        }

        var apiKeys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (territory, slug, settings) in DemoData.Sites)
        {
            var site = grains.GetGrain<ISiteGrain>(SiteKey.Of(territory, slug));
            await site.Configure(settings);
            apiKeys[SiteKey.Of(territory, slug)] = (await site.CreateApiKey("Clé de démonstration")).Key;
        }

        var twilioAuthToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await grains.GetGrain<IPhoneSettingsGrain>(IPhoneSettingsGrain.Key).SetAuthToken(twilioAuthToken);
        var credentials = new DemoCredentials(apiKeys, twilioAuthToken);
        var path = Path.Combine(options.Value.DataDirectory, CredentialsFile);
        Directory.CreateDirectory(options.Value.DataDirectory);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(credentials, Json), cancellationToken);
        logger.LogInformation("Demo data created; logins and keys are in {Path}", Path.GetFullPath(path));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
