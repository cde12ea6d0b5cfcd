using AlloIndustrie.Grains.Interfaces.Sites;

namespace AlloIndustrie.Grains.Interfaces.ApiKeys;

/// <summary>One operator API key, keyed by its public id; holds only a hash of the secret.</summary>
[Alias("AlloIndustrie.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores a new key for a site; false if this id is already taken.</summary>
    [Alias("Create")]
    Task<bool> Create(SiteRef site, string secret, string label);

    /// <summary>The site this key acts for, or null if the secret is wrong or the key is revoked or unknown.</summary>
    [Alias("Authenticate")]
    Task<SiteRef?> Authenticate(string secret);

    /// <summary>Revokes the key for good.</summary>
    [Alias("Revoke")]
    Task Revoke();

    /// <summary>The key's label and dates, without the secret; null if unknown.</summary>
    [Alias("Describe")]
    Task<ApiKeyInfo?> Describe();
}
