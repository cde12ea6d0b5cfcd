using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using System.Text;
using AlloIndustrie.Grains.Interfaces.ApiKeys;
using AlloIndustrie.Grains.Interfaces.Sites;

namespace AlloIndustrie.Grains.ApiKeys;

public sealed class ApiKeyGrain(
    [PersistentState("apikey", StorageNames.Grains)] IPersistentState<ApiKeyState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IApiKeyGrain
{
    public async Task<bool> Create(SiteRef site, string secret, string label)
    {
        if (state.RecordExists)
        {
            return false;
        }

        state.State = new ApiKeyState { Site = site, SecretHash = Hash(secret), Label = label, CreatedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        return true;
    }

    // A fast hash suffices: the secrets are 256 random bits, not passwords a person chose.
    public Task<SiteRef?> Authenticate(string secret)
    {
        var valid = state.State is { Site: not null, RevokedAt: null }
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(state.State.SecretHash));
        return Task.FromResult(valid ? state.State.Site : null);
    }

    public async Task Revoke()
    {
        if (state.RecordExists && state.State.RevokedAt is null)
        {
            state.State.RevokedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
        }
    }

    public Task<ApiKeyInfo?> Describe() => Task.FromResult(state.State.Site is null
        ? null
        : new ApiKeyInfo(this.GetPrimaryKeyString(), state.State.Label, state.State.CreatedAt, state.State.RevokedAt));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
