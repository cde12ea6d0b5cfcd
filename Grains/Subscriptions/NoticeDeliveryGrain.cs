using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Webhooks;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class NoticeDeliveryGrain(
    [PersistentState("noticeDelivery", StorageNames.Grains)] IPersistentState<NoticeDeliveryState> state,
    ILogger<NoticeDeliveryGrain> logger) : Grain, INoticeDeliveryGrain, IRemindable
{
    private const string FanOutReminder = "fan-out";

    // Buckets told between two writes of the progress: a crash tells these again, which partitions ignore. Large,
    // because each step waits for its slowest partition while the partitions already told are sending: with steps of
    // 50, 100,000 pushes signed up before 20,000 mails (whose buckets came last) kept the first mail back 105 s.
    private const int FanOutStep = 1000;

    private IGrainTimer? timer;

    private NoticeDeliveryState Delivery => state.State;

    public async Task Deliver(NoticeSnapshot notice, NoticeMessageKind kind)
    {
        if (notice.Version <= Delivery.Version)
        {
            return;
        }

        if (kind == NoticeMessageKind.Withdrawn && !Delivery.Sent)
        {
            Delivery.Version = notice.Version;
            await state.WriteStateAsync();
            return;
        }

        // Nothing else is asked here: the notice's caller (its site) is waiting, and the fan-out asks the site.
        Delivery.Version = notice.Version;
        Delivery.Notice = notice;
        Delivery.Kind = kind;
        Delivery.Buckets = null;
        Delivery.Told = 0;
        Delivery.Sent = true;
        await this.RegisterOrUpdateReminder(FanOutReminder, DeadlineReminders.RetryPeriod, DeadlineReminders.RetryPeriod);
        await state.WriteStateAsync();
        Arm();
    }

    public async Task<ImmutableArray<ChannelCounts>> Counts()
    {
        var id = this.GetPrimaryKeyString();
        var partitions = await Task.WhenAll(Enumerable.Range(0, Delivery.MaxBuckets)
            .Select(b => GrainFactory.GetGrain<IDeliveryPartitionGrain>(DeliveryPartitionGrain.Key(id, b)).Counts()));
        return
        [
            .. partitions.SelectMany(p => p)
                .GroupBy(c => c.Channel)
                .Select(g => g.Aggregate(new ChannelCounts(g.Key, 0, 0, 0, 0), (sum, c) => sum.Plus(c)))
                .OrderBy(c => c.Channel),
        ];
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Arm();
        return Task.CompletedTask;
    }

    private void Arm()
    {
        timer?.Dispose();
        timer = this.RegisterGrainTimer(FanOut, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task FanOut(CancellationToken cancellationToken)
    {
        if (Delivery.Notice is { } pending && Delivery.Buckets is null)
        {
            var site = await GrainFactory.GetGrain<ISiteGrain>(SiteKey.Of(pending.Territory, pending.Site)).GetProfile();
            var territory = await GrainFactory.GetGrain<ITerritoryGrain>(pending.Territory).GetProfile();
            var buckets = await GrainFactory.GetGrain<ISubscriptionIndexGrain>(pending.Territory).BucketCount();

            Delivery.Communes = site?.Communes ?? [];
            Delivery.TerritoryName = territory?.Name ?? pending.Territory;
            Delivery.Buckets = buckets;
            Delivery.MaxBuckets = Math.Max(Delivery.MaxBuckets, buckets);
            await state.WriteStateAsync();
            logger.LogInformation("Notice {Id} version {Version} ({Kind}) goes to the subscribers of {Buckets} bucket(s)", pending.Id, pending.Version, Delivery.Kind, buckets);
        }

        if (Delivery.Notice is not { } notice || Delivery.Told >= Delivery.Buckets)
        {
            if (Delivery.Notice is { } told)
            {
                // Every partition has the version: the territory's webhooks take it last, so that subscribers wait for
                // none of them; each ignores an id it already has, should this run twice.
                await GrainFactory.GetGrain<IWebhookDirectoryGrain>(told.Territory).Dispatch(told, Delivery.Kind);
                Delivery.Notice = null;
                await state.WriteStateAsync();
            }

            if (await this.GetReminder(FanOutReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var id = this.GetPrimaryKeyString();
        var end = Math.Min(Delivery.Buckets!.Value, Delivery.Told + FanOutStep);
        await Task.WhenAll(Enumerable.Range(Delivery.Told, end - Delivery.Told).Select(b =>
            GrainFactory.GetGrain<IDeliveryPartitionGrain>(DeliveryPartitionGrain.Key(id, b))
                .Start(new DeliveryOrder(notice, Delivery.Kind, Delivery.Communes, b, Delivery.TerritoryName))));
        Delivery.Told = end;
        await state.WriteStateAsync();
        Arm();
    }
}
