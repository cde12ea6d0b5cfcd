using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using Orleans.Concurrency;

namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>
/// One territory, keyed by its slug. Besides its settings and sites it keeps the index of the notices the
/// public currently sees, so that the public page, the feeds and the phone line cost one call, and it fans
/// every change out to the web nodes that observe it. Its reads answer from memory and interleave with the
/// writes' storage and archive awaits: a web node rendering a change it was just told of, and every page
/// read in a surge, need not wait for them (a publication's read waited up to 155 ms, bench/CHANGES.md).
/// </summary>
[Alias("AlloIndustrie.ITerritoryGrain")]
public interface ITerritoryGrain : IGrainWithStringKey
{
    /// <summary>The territory, or null if it was never configured.</summary>
    [Alias("GetProfile")]
    [AlwaysInterleave]
    Task<TerritoryProfile?> GetProfile();

    /// <summary>
    /// Creates or edits the territory and lists it in the directory; a phone number of another territory is
    /// refused (<see cref="ITerritoryDirectoryGrain.Register"/>) and nothing changes.
    /// </summary>
    [Alias("Configure")]
    Task<TerritoryProfile> Configure(TerritoryProfile profile);

    /// <summary>
    /// Creates the territory or changes only the fields <paramref name="change"/> holds, and lists it in the
    /// directory. What web fronts call since this method exists; the previous release's call
    /// <see cref="Configure"/> with the whole profile they read. A refusal (an invalid field, a phone number of
    /// another territory, a new territory without its name) is a French <see cref="CommandError"/>, where
    /// <see cref="Configure"/> throws.
    /// </summary>
    [Alias("Change")]
    Task<CommandResult<TerritoryProfile>> Change(TerritoryChange change);

    /// <summary>Records a site's current profile (called by the site itself).</summary>
    [Alias("SiteChanged")]
    Task SiteChanged(SiteProfile site);

    /// <summary>The territory's sites, by slug.</summary>
    [Alias("GetSites")]
    [AlwaysInterleave]
    Task<ImmutableArray<SiteProfile>> GetSites();

    /// <summary>The notices residents may see now (scheduled, active or ended, not past expiry), newest first.</summary>
    [Alias("GetPublicNotices")]
    [AlwaysInterleave]
    Task<ImmutableArray<NoticeSnapshot>> GetPublicNotices();

    /// <summary>How many of <see cref="GetPublicNotices"/> are of <paramref name="site"/>.</summary>
    [Alias("CountPublicNotices")]
    [AlwaysInterleave]
    Task<int> CountPublicNotices(string site);

    /// <summary>Called by a notice after every change; stale or repeated versions are ignored.</summary>
    [Alias("NoticeChanged")]
    Task NoticeChanged(NoticeSnapshot notice);

    /// <summary>
    /// Called by a notice once its current version's audio exists: the index gets the audio's address and
    /// the web nodes a small <see cref="NoticeAudioReady"/>, not the whole notice again. Ignored unless
    /// <paramref name="ready"/> is the version the index holds.
    /// </summary>
    [Alias("AudioReady")]
    Task AudioReady(NoticeAudioReady ready);

    /// <summary>
    /// Registers (or renews) a web node's observer; it lapses unless renewed within a few minutes. Only an
    /// observer that is an <see cref="INoticeAudioObserver"/> is told when audio is ready. When this activation
    /// did not know the observer (the node is new, or the grain came back on another silo and forgot its
    /// observers), it answers every notice it holds as of now, so that the node can tell its browsers the
    /// changes it was not sent; otherwise null.
    /// </summary>
    [Alias("Watch")]
    Task<ImmutableArray<NoticeSnapshot>?> Watch(INoticeObserver observer);

    /// <summary>What web nodes of the previous release call instead of <see cref="Watch"/> during a rolling upgrade.</summary>
    [Alias("Subscribe")]
    Task Subscribe(INoticeObserver observer);

    /// <summary>Removes a web node's observer.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(INoticeObserver observer);
}
