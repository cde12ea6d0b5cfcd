using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Sites;

/// <summary>
/// One industrial site of a territory, keyed by <see cref="SiteKey.Of"/>. It owns its membership period
/// (a reminder suspends it when the agreement lapses), its API keys and the list of its notices, and it is
/// the only way to publish a notice.
/// </summary>
[Alias("AlloIndustrie.ISiteGrain")]
public interface ISiteGrain : IGrainWithStringKey
{
    /// <summary>
    /// The site, or null if no administrator created it. Read-only, as <see cref="GetNotices"/> is, so that
    /// the two interleave: a notice asks for the profile while the site may be waiting on that very notice.
    /// </summary>
    [Alias("GetProfile"), Orleans.Concurrency.ReadOnly]
    Task<SiteProfile?> GetProfile();

    /// <summary>Creates or edits the site and registers it with its territory.</summary>
    [Alias("Configure")]
    Task<SiteProfile> Configure(SiteSettings settings);

    /// <summary>
    /// Creates the site or changes only the fields <paramref name="change"/> holds, and registers it with its
    /// territory. What web fronts call since this method exists; the previous release's call <see cref="Configure"/>.
    /// A refusal (an invalid field, an unknown territory, a new site without its name) is a French
    /// <see cref="CommandError"/>, where <see cref="Configure"/> throws.
    /// </summary>
    [Alias("Change")]
    Task<CommandResult<SiteProfile>> Change(SiteChange change);

    /// <summary>Publishes a new notice for this site; refused while the site is suspended.</summary>
    [Alias("Publish")]
    Task<NoticeResult> Publish(NoticeDraft draft);

    /// <summary>
    /// The draft as publishing it would show it, checked against the same rules (the silo's minimum retention
    /// among them), without publishing it; null if no administrator created the site.
    /// </summary>
    [Alias("Preview"), Orleans.Concurrency.ReadOnly]
    Task<NoticePreview?> Preview(NoticeDraft draft);

    /// <summary>The ids of the site's notices, newest first.</summary>
    [Alias("GetNoticeIds")]
    Task<ImmutableArray<string>> GetNoticeIds();

    /// <summary>
    /// Creates an API key acting for this site; the returned key is the only copy in clear. The previous release's
    /// call, answered through <see cref="IssueApiKey"/>: it throws <see cref="InvalidOperationException"/> for an
    /// unknown site.
    /// </summary>
    [Alias("CreateApiKey")]
    Task<CreatedApiKey> CreateApiKey(string label);

    /// <summary>
    /// Creates an API key acting for this site; the returned key is the only copy in clear. What web fronts call
    /// since this method exists; an unknown site is a French <see cref="CommandError"/> (not found).
    /// </summary>
    [Alias("IssueApiKey")]
    Task<CommandResult<CreatedApiKey>> IssueApiKey(string label);

    /// <summary>The site's API keys, revoked ones included, newest first.</summary>
    [Alias("ListApiKeys")]
    Task<ImmutableArray<ApiKeyInfo>> ListApiKeys();

    /// <summary>Revokes one of the site's own keys; false if the key is not this site's.</summary>
    [Alias("RevokeApiKey")]
    Task<bool> RevokeApiKey(string keyId);

    /// <summary>The site's notices as they stand now, newest first.</summary>
    [Alias("GetNotices"), Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<NoticeSnapshot>> GetNotices();
}
