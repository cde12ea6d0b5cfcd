using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Silo.Accounts;
using AlloIndustrie.Silo.Storage;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Silo.Demo;

/// <summary>
/// Fills a deployment that has no territory yet with the demo, once the silo runs. An existing deployment,
/// even one started with the demo before, is never touched, and of several silos starting together only one
/// seeds.
/// </summary>
public sealed class DemoSeeder(
    IGrainFactory grains, AccountProvisioning accounts, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger) : IHostedService
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
        var credentials = new DemoCredentials(
            new DemoLogin(DemoData.AdminEmail, await CreateAccount(DemoData.AdminEmail, "Super administrateur (démo)", AccountRole.SuperAdmin, [], [])),
            await Task.WhenAll(DemoData.Operators.Select(async o => new DemoOperator(
                o.Email,
                await CreateAccount(o.Email, o.Name, AccountRole.Operator, [o.Territory], [.. o.Sites.Select(s => SiteKey.Of(o.Territory, s))]),
                o.Territory,
                o.Sites))),
            await Task.WhenAll(DemoData.TerritoryAdmins.Select(async a => new DemoTerritoryAdmin(
                a.Email, await CreateAccount(a.Email, a.Name, AccountRole.TerritoryAdmin, [a.Territory], []), a.Territory))),
            await Task.WhenAll(DemoData.Authorities.Select(async a => new DemoAuthority(
                a.Email, await CreateAccount(a.Email, a.Name, AccountRole.Authority, a.Territories, []), a.Territories))),
            apiKeys,
            twilioAuthToken);
        var path = Path.Combine(options.Value.DataDirectory, CredentialsFile);
        PrivateFiles.CreateFolder(options.Value.DataDirectory);
        await PrivateFiles.Write(path, JsonSerializer.Serialize(credentials, Json), cancellationToken);
        logger.LogInformation("Demo data created; logins and keys are in {Path}", Path.GetFullPath(path));
    }

    /// <summary>A demo account with a fresh random password, which is returned for the credentials file.</summary>
    private async Task<string> CreateAccount(
        string email, string name, AccountRole role, ImmutableArray<string> territories, ImmutableArray<string> sites)
    {
        var password = AccountProvisioning.GeneratePassword();
        if (!await accounts.Create(email, name, password, role, territories, sites))
        {
            throw new InvalidOperationException($"The demo account {email} already exists.");
        }

        return password;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
