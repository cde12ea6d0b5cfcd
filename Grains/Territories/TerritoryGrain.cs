using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Archive;
using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace AlloIndustrie.Grains.Territories;

public sealed class TerritoryGrain(
    [PersistentState("territory", StorageNames.Grains)] IPersistentState<TerritoryState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<TerritoryGrain> logger) : Grain, ITerritoryGrain
{
    private static readonly TimeSpan KeepAfterExpiry = TimeSpan.FromDays(1);

    // Web nodes renew every 30 s (TerritoryObservers.RenewalPeriod); one that stopped renewing is dropped after this.
    private readonly ObserverManager<INoticeObserver> observers = new(TimeSpan.FromMinutes(3), logger);

    // The public list as last answered, until a change or the next start or expiry: a surge of readers costs no sort.
    private (ImmutableArray<NoticeSnapshot> Notices, DateTimeOffset Until)? publicList;

    public Task<TerritoryProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task<TerritoryProfile> Configure(TerritoryProfile profile)
    {
        // A caller built before commune centres existed (a web front of the previous release, during a rolling
        // upgrade) sends none, which arrives as a default array: it did not mean to remove them.
        profile = profile.CommuneCentres.IsDefault ? profile with { CommuneCentres = state.State.Profile?.CommuneCentres ?? [] } : profile;

        // Nor did it mean to clear the legal pages' texts it knows nothing of (nor could it set the free call).
        if (profile.Legal is null)
        {
            profile = profile with { Legal = state.State.Profile?.Legal ?? TerritoryLegal.Empty, FreeToCall = state.State.Profile?.FreeToCall };
        }

        // The previous release's callers were told by exception, a taken number as an invalid operation.
        var result = await Save(profile);
        return result.Value ?? throw (result.Error!.Kind == NoticeErrorKind.Invalid
            ? new ArgumentException(result.Error.Title, nameof(profile))
            : new InvalidOperationException(result.Error.Title));
    }

    public async Task<CommandResult<TerritoryProfile>> Change(TerritoryChange change) =>
        change.ApplyTo(this.GetPrimaryKeyString(), state.State.Profile) is { } profile
            ? await Save(profile)
            : CommandResult<TerritoryProfile>.Failed(CommandError.Invalid("territory", "Un nouveau territoire a besoin de son nom, de son accueil et de sa durée d’affichage."));

    private async Task<CommandResult<TerritoryProfile>> Save(TerritoryProfile profile)
    {
        // Checked again here, whatever the caller checked: these texts reach every page, feed and call.
        profile = TerritoryRules.Normalized(profile);
        if (TerritoryRules.Problem(profile) is { } problem)
        {
            return CommandResult<TerritoryProfile>.Failed(CommandError.Invalid("territory", problem));
        }

        // A centre that cannot exist would make every distance to it NaN, and so every position unlocatable.
        if (profile.CommuneCentres.Any(c => !Coordinates.IsPossible(c.Latitude, c.Longitude)))
        {
            return CommandResult<TerritoryProfile>.Failed(CommandError.Invalid("communeCentres", "Un centre de commune est hors de ±90° de latitude ou de ±180° de longitude."));
        }

        // Asked first, so that a number of another territory is a refusal rather than the directory's exception;
        // the directory still refuses it if another territory takes it in between, and then nothing has changed.
        var directory = GrainFactory.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key);
        var saved = profile with { Slug = this.GetPrimaryKeyString() };
        if ((await directory.OthersHolding(saved.Slug, saved.PhoneNumbers)).FirstOrDefault() is { } taken)
        {
            return CommandResult<TerritoryProfile>.Failed(CommandError.Conflict(taken.Refusal));
        }

        await directory.Register(saved);
        state.State.Profile = saved;
        await state.WriteStateAsync();
        return CommandResult<TerritoryProfile>.Ok(saved);
    }

    public async Task SiteChanged(SiteProfile site)
    {
        if (site.Territory != this.GetPrimaryKeyString() || !Identifiers.IsSite(site.Slug))
        {
            throw new ArgumentException("A site of another territory, or whose slug is not canonical.", nameof(site));
        }

        // The site checked it, but a caller may not be the site: what this index holds reaches every page.
        if (SiteRules.Problem(site) is { } problem)
        {
            throw new ArgumentException(problem, nameof(site));
        }

        state.State.Sites[site.Slug] = site;
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<SiteProfile>> GetSites() =>
        Task.FromResult(state.State.Sites.Values.OrderBy(s => s.Slug, StringComparer.Ordinal).ToImmutableArray());

    public Task<ImmutableArray<NoticeSnapshot>> GetPublicNotices()
    {
        var now = clock.GetUtcNow();
        if (publicList is not { } list || now >= list.Until)
        {
            var notices = state.State.Notices.Values;
            var next = notices.SelectMany(n => new[] { n.StartsAt, n.ExpiresAt }).Where(at => at > now).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            publicList = list = (NoticeOrder.ForPublic(notices, now), next);
        }

        return Task.FromResult(list.Notices);
    }

    public Task<int> CountPublicNotices(string site)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(state.State.Notices.Values.Count(n => n.Site == site && n.IsPublicAt(now)));
    }

    public async Task NoticeChanged(NoticeSnapshot notice)
    {
        var notices = state.State.Notices;
        if (notices.TryGetValue(notice.Id, out var known) && known.Version > notice.Version)
        {
            return;
        }

        var now = clock.GetUtcNow();
        notices[notice.Id] = notice;
        foreach (var gone in notices.Values.Where(n => n.ExpiresAt + KeepAfterExpiry < now).Select(n => n.Id).ToList())
        {
            notices.Remove(gone);
        }

        // Before the first await: the reads interleave with what follows, and must not answer the list cached before.
        publicList = null;
        await state.WriteStateAsync();
        var current = notice.AsOf(now);
        await observers.Notify(o => o.NoticeChanged(current));

        // After the live push, which must not wait for it; should it fail, the notice's retry pushes again.
        await GrainFactory.GetGrain<INoticeArchiveGrain>(this.GetPrimaryKeyString()).Record(notice);
    }

    public async Task AudioReady(NoticeAudioReady ready)
    {
        if (!state.State.Notices.TryGetValue(ready.NoticeId, out var known) || known.Version != ready.Version || known.AudioUrl == ready.AudioUrl)
        {
            return;
        }

        state.State.Notices[ready.NoticeId] = known with { AudioUrl = ready.AudioUrl };
        publicList = null;
        await state.WriteStateAsync();
        await observers.Notify(o => o is INoticeAudioObserver audio ? audio.AudioReady(ready) : Task.CompletedTask);
    }

    public Task<ImmutableArray<NoticeSnapshot>?> Watch(INoticeObserver observer)
    {
        var known = observers.Observers.ContainsKey(observer);
        observers.Subscribe(observer, observer);
        if (known)
        {
            return Task.FromResult<ImmutableArray<NoticeSnapshot>?>(null);
        }

        var now = clock.GetUtcNow();
        return Task.FromResult<ImmutableArray<NoticeSnapshot>?>([.. state.State.Notices.Values.Select(n => n.AsOf(now))]);
    }

    public Task Subscribe(INoticeObserver observer) => Watch(observer);

    public Task Unsubscribe(INoticeObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
