using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using System.Security.Cryptography;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.ApiKeys;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Notices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Sites;

public sealed class SiteGrain(
    [PersistentState("site", StorageNames.Grains)] IPersistentState<SiteState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<NoticeOptions> options,
    ILogger<SiteGrain> logger) : Grain, ISiteGrain, IRemindable
{
    private const string MembershipReminder = "membership";

    private static readonly CommandError UnknownSite = CommandError.NotFound("Site inconnu.");

    public Task<SiteProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task<SiteProfile> Configure(SiteSettings settings)
    {
        // The previous release's callers were told by exception, an unknown territory as an invalid operation.
        var result = await Save(settings);
        return result.Value ?? throw (result.Error!.Kind == NoticeErrorKind.Invalid
            ? new ArgumentException(result.Error.Title, nameof(settings))
            : new InvalidOperationException(result.Error.Title));
    }

    public async Task<CommandResult<SiteProfile>> Change(SiteChange change) =>
        change.ApplyTo(state.State.Profile?.Settings()) is { } settings
            ? await Save(settings)
            : CommandResult<SiteProfile>.Failed(CommandError.Invalid("site", "Un nouveau site a besoin de son nom, de son exploitant, de son adresse, de sa position et de ses communes."));

    private async Task<CommandResult<SiteProfile>> Save(SiteSettings settings)
    {
        var (territory, slug) = SiteKey.Parse(this.GetPrimaryKeyString());
        if (await GrainFactory.GetGrain<ITerritoryGrain>(territory).GetProfile() is null)
        {
            return CommandResult<SiteProfile>.Failed(CommandError.NoTerritory);
        }

        // Checked again here, whatever the caller checked: these texts reach every page, feed and call.
        settings = SiteRules.Normalized(settings);
        if (SiteRules.Problem(settings) is { } problem)
        {
            return CommandResult<SiteProfile>.Failed(CommandError.Invalid("site", problem));
        }

        var profile = new SiteProfile(
            territory, slug, settings.Name, settings.Company, settings.Address, settings.Latitude, settings.Longitude,
            settings.Communes, settings.MembershipEndsAt, settings.Suspended);
        state.State.Profile = profile;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ITerritoryGrain>(territory).SiteChanged(profile);
        await ScheduleMembershipCheck();
        return CommandResult<SiteProfile>.Ok(profile);
    }

    public async Task<NoticeResult> Publish(NoticeDraft draft)
    {
        if (state.State.Profile is not { } site)
        {
            return NoticeResult.Failed(UnknownSite);
        }

        if (site.IsSuspendedAt(clock.GetUtcNow()))
        {
            return NoticeResult.Failed(CommandError.Forbidden(SiteProfile.SuspendedPublish));
        }

        var territoryGrain = GrainFactory.GetGrain<ITerritoryGrain>(site.Territory);
        if (await territoryGrain.CountPublicNotices(site.Slug) >= options.Value.MaxVisiblePerSite)
        {
            return NoticeResult.Failed(CommandError.Conflict(NoticeRules.TooManyVisible(options.Value.MaxVisiblePerSite)));
        }

        var id = Identifiers.NewNoticeId();
        var result = await GrainFactory.GetGrain<INoticeGrain>(id).Create(await Creation(site, draft));
        if (result.Notice is not null)
        {
            state.State.NoticeIds.Insert(0, id);
            try
            {
                await state.WriteStateAsync();
            }
            catch (Exception e)
            {
                // The notice itself is stored and public: answering with an error would make the operator
                // publish it twice. The list keeps it in memory and the site's next write saves it.
                logger.LogError(e, "Notice {Id} is published but the list of site {Site} could not be saved yet", id, this.GetPrimaryKeyString());
            }
        }

        return result;
    }

    public async Task<NoticePreview?> Preview(NoticeDraft draft)
    {
        if (state.State.Profile is not { } site)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var creation = await Creation(site, draft);
        var errors = NoticeRules.Validate(draft, now, creation.DefaultRetention, options.Value.MinimumRetention);
        return new NoticePreview(NoticeState.Create(creation, now).Snapshot(NoticePreview.Id, now), errors);
    }

    /// <summary>The draft with what the site adds to it, as the notice grain receives it.</summary>
    private async Task<NoticeCreation> Creation(SiteProfile site, NoticeDraft draft) => new(
        draft, site.Territory, site.Slug, site.Name, site.Company,
        (await GrainFactory.GetGrain<ITerritoryGrain>(site.Territory).GetProfile())?.DefaultRetention ?? NoticeRules.DefaultRetention);

    public Task<ImmutableArray<string>> GetNoticeIds() => Task.FromResult(state.State.NoticeIds.ToImmutableArray());

    public async Task<CreatedApiKey> CreateApiKey(string label)
    {
        // The previous release's callers were told by exception.
        var result = await IssueApiKey(label);
        return result.Value ?? throw new InvalidOperationException(result.Error!.Title);
    }

    public async Task<CommandResult<CreatedApiKey>> IssueApiKey(string label)
    {
        if (state.State.Profile is not { } site)
        {
            return CommandResult<CreatedApiKey>.Failed(UnknownSite);
        }

        while (true)
        {
            var keyId = Identifiers.NewApiKeyId();
            var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
            if (await GrainFactory.GetGrain<IApiKeyGrain>(keyId).Create(new SiteRef(site.Territory, site.Slug), secret, label))
            {
                state.State.ApiKeyIds.Add(keyId);
                await state.WriteStateAsync();
                return CommandResult<CreatedApiKey>.Ok(new CreatedApiKey(keyId, ApiKeyFormat.Compose(keyId, secret)));
            }
        }
    }

    public async Task<ImmutableArray<ApiKeyInfo>> ListApiKeys()
    {
        var keys = await Task.WhenAll(state.State.ApiKeyIds.Select(id => GrainFactory.GetGrain<IApiKeyGrain>(id).Describe()));
        return [.. keys.OfType<ApiKeyInfo>().OrderByDescending(k => k.CreatedAt)];
    }

    public async Task<bool> RevokeApiKey(string keyId)
    {
        // Only the site's own list is trusted: a key id from elsewhere is refused, not revoked.
        if (!state.State.ApiKeyIds.Contains(keyId))
        {
            return false;
        }

        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).Revoke();
        return true;
    }

    public async Task<ImmutableArray<NoticeSnapshot>> GetNotices()
    {
        var notices = await Task.WhenAll(state.State.NoticeIds.Select(id => GrainFactory.GetGrain<INoticeGrain>(id).Get()));
        return [.. notices.OfType<NoticeSnapshot>()];
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = clock.GetUtcNow();
        if (state.State.Profile is { Suspended: false, MembershipEndsAt: { } end } site && end <= now)
        {
            logger.LogInformation("Site {Site} suspended: its membership ended at {End}", this.GetPrimaryKeyString(), end);
            state.State.Profile = site with { Suspended = true };
            await state.WriteStateAsync();
            await GrainFactory.GetGrain<ITerritoryGrain>(site.Territory).SiteChanged(state.State.Profile);
        }

        await ScheduleMembershipCheck();
    }

    private async Task ScheduleMembershipCheck()
    {
        if (state.State.Profile is { Suspended: false, MembershipEndsAt: { } end })
        {
            await this.RegisterOrUpdateReminder(MembershipReminder, DeadlineReminders.DueTime(end, clock.GetUtcNow()), DeadlineReminders.RetryPeriod);
        }
        else if (await this.GetReminder(MembershipReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
