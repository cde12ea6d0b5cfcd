using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Subscriptions.Channels;
using AlloIndustrie.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// Sends one notice to one bucket, a window of <c>InFlightWindow</c> messages at a time, storing what is left after
/// each window: a crash re-sends at most the window that was in flight. A newer version replaces what is left.
/// A message its subscriber's quiet hours hold waits in the list until they end.
/// </summary>
public sealed class DeliveryPartitionGrain(
    [PersistentState("deliveryPartition", StorageNames.Grains)] IPersistentState<DeliveryPartitionState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<SubscriptionOptions> options,
    IEnumerable<IChannelSender> senders,
    ChannelThrottle throttle,
    SubscriptionSecrets secrets,
    SubscriptionLinks links,
    GrainMetrics metrics,
    ILogger<DeliveryPartitionGrain> logger) : Grain, IDeliveryPartitionGrain, IRemindable
{
    private const string ResumeReminder = "resume";

    /// <summary>
    /// How long the bucket's entries read for one window serve the next ones: a delivery reads its bucket once rather
    /// than once per window, and an unsubscription is still seen within this time.
    /// </summary>
    private static readonly TimeSpan EntriesLifetime = TimeSpan.FromSeconds(5);

    /// <summary>How long a partition whose channels have spent this second's rate waits before looking again.</summary>
    private static readonly TimeSpan RateWait = TimeSpan.FromMilliseconds(50);

    private IGrainTimer? timer;

    private (Dictionary<string, BucketEntry> ById, DateTimeOffset ReadAt)? bucketEntries;

    private DeliveryPartitionState Partition => state.State;

    /// <summary>The key of a notice's partition for one bucket.</summary>
    public static string Key(string noticeId, int bucket) => $"{noticeId}/{bucket}";

    public async Task Start(DeliveryOrder order)
    {
        if (order.Notice.Version <= Partition.Version)
        {
            return;
        }

        var notice = order.Notice;
        var bucket = await Entries(notice.Territory, order.Bucket, fresh: true);
        var recipients = order.Kind == NoticeMessageKind.Withdrawn
            ? bucket.Values.Where(e => Partition.Told.Contains(e.Id))
            : bucket.Values.Where(e => e.Preferences.Matches(notice.Site, order.Communes, notice.Exercise)
                && e.ActiveAt(order.Kind == NoticeMessageKind.Started ? notice.StartsAt : notice.UpdatedAt));
        Partition.Version = notice.Version;
        Partition.Notice = notice;
        Partition.Kind = order.Kind;
        Partition.Communes = order.Communes;
        Partition.Bucket = order.Bucket;
        Partition.TerritoryName = order.TerritoryName;
        Partition.QueuedAt = clock.GetUtcNow();
        Partition.NextAttemptAt = null;
        Partition.Failures = 0;

        // What is left of an older version is dropped: its recipients get this one instead.
        Partition.Remaining = [.. recipients.Select(e => new PendingSend(e.Id, e.Channel))];
        if (Partition.Remaining.Count > 0)
        {
            await this.RegisterOrUpdateReminder(ResumeReminder, DeadlineReminders.RetryPeriod, DeadlineReminders.RetryPeriod);
        }

        await state.WriteStateAsync();
        Arm(TimeSpan.Zero);
    }

    public Task<ImmutableArray<ChannelCounts>> Counts()
    {
        var channels = Partition.Tallies.Keys.Union(Partition.Remaining.Select(p => p.Channel)).Order();
        return Task.FromResult<ImmutableArray<ChannelCounts>>(
        [
            .. channels.Select(c =>
            {
                var tally = Partition.Tallies.GetValueOrDefault(c) ?? new SendTally();
                return new ChannelCounts(c, Partition.Remaining.Count(p => p.Channel == c), tally.Sent, tally.Failed, tally.Ended);
            }),
        ]);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Arm(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    private void Arm(TimeSpan due)
    {
        timer?.Dispose();
        timer = this.RegisterGrainTimer(Pump, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task Pump(CancellationToken cancellationToken)
    {
        if (Partition.Remaining.Count == 0 || Partition.Notice is null)
        {
            if (await this.GetReminder(ResumeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var now = clock.GetUtcNow();
        if (Partition.NextAttemptAt is { } next && next > now)
        {
            Arm(next - now);
            return;
        }

        DateTimeOffset? resumeAt = null;
        var window = new List<PendingSend>();
        var spent = new HashSet<SubscriptionChannel>();
        var entries = await Entries(Partition.Notice.Territory, Partition.Bucket, fresh: false);
        var waits = QuietHours.Waits(Partition.Notice, Partition.Kind);
        foreach (var pending in Partition.Remaining)
        {
            var until = throttle.PausedUntil(pending.Channel, now)
                ?? (waits ? entries.GetValueOrDefault(pending.Id)?.Preferences.QuietHoursOrDefault().EndOf(now) : null);
            if (until is { } later)
            {
                resumeAt = resumeAt is { } earliest && earliest < later ? earliest : later;
                continue;
            }

            // A channel whose rate is spent for this second waits; the others' messages go on without it.
            if (spent.Contains(pending.Channel) || !throttle.TryTake(pending.Channel))
            {
                spent.Add(pending.Channel);
                continue;
            }

            window.Add(pending);
            if (window.Count >= Math.Max(1, options.Value.InFlightWindow))
            {
                break;
            }
        }

        if (window.Count == 0 && spent.Count > 0)
        {
            Arm(RateWait);
            return;
        }

        if (window.Count == 0)
        {
            Partition.NextAttemptAt = resumeAt;
            Arm(resumeAt!.Value - now);
            return;
        }

        var outcomes = await Task.WhenAll(window.Select(p => Send(p, entries.GetValueOrDefault(p.Id), cancellationToken)));
        var done = new HashSet<string>();
        var ended = new List<(string Id, string Reason)>();
        for (var i = 0; i < window.Count; i++)
        {
            var (pending, outcome) = (window[i], outcomes[i]);
            var tally = Partition.Tallies.TryGetValue(pending.Channel, out var held) ? held : Partition.Tallies[pending.Channel] = new SendTally();
            switch (outcome?.Result)
            {
                case null:
                    done.Add(pending.Id);
                    break;
                case SendResult.Sent:
                    done.Add(pending.Id);
                    Partition.Told.Add(pending.Id);
                    tally.Sent++;
                    Partition.Failures = 0;
                    metrics.Delivered(Partition.Notice.Territory, SubscriptionRules.Name(pending.Channel), "sent");
                    break;
                case SendResult.Failed:
                    done.Add(pending.Id);
                    tally.Failed++;
                    metrics.Delivered(Partition.Notice.Territory, SubscriptionRules.Name(pending.Channel), "failed");
                    logger.LogWarning("Notice {Notice} version {Version} to subscription {Id} on {Channel} failed: {Reason}", Partition.Notice.Id, Partition.Version, pending.Id, pending.Channel, outcome.Reason);
                    break;
                case SendResult.Ended:
                    done.Add(pending.Id);
                    tally.Ended++;
                    metrics.Delivered(Partition.Notice.Territory, SubscriptionRules.Name(pending.Channel), "ended");
                    ended.Add((pending.Id, outcome.Reason ?? "ended by its channel"));
                    break;
                default:
                    if (now - Partition.QueuedAt >= options.Value.GiveUpAfter)
                    {
                        done.Add(pending.Id);
                        tally.Failed++;
                        break;
                    }

                    Partition.Failures++;
                    var wait = outcome.After ?? TimeSpan.FromTicks(Math.Min(
                        options.Value.MaxBackOff.Ticks,
                        options.Value.BackOff.Ticks * (1L << Math.Min(Partition.Failures - 1, 20))));
                    throttle.Pause(pending.Channel, now + wait);
                    break;
            }
        }

        Partition.Remaining.RemoveAll(p => done.Contains(p.Id));
        await state.WriteStateAsync();
        foreach (var (id, reason) in ended)
        {
            await GrainFactory.GetGrain<ISubscriptionGrain>(id).End(reason);
        }

        Arm(TimeSpan.Zero);
    }

    /// <summary>Sends one message; null when there is nothing to send (unsubscribed since, or a channel this silo does not serve).</summary>
    private async Task<SendOutcome?> Send(PendingSend pending, BucketEntry? entry, CancellationToken cancellationToken)
    {
        var notice = Partition.Notice!;
        if (entry is null)
        {
            return null;
        }

        if (senders.LastOrDefault(s => s.Channel == pending.Channel) is not { } sender)
        {
            logger.LogWarning("No sender for channel {Channel}: notice {Notice} not sent to subscription {Id}", pending.Channel, notice.Id, pending.Id);
            return null;
        }

        try
        {
            var language = entry.Preferences.Language;
            var message = new SubscriberMessage(
                entry.Id,
                notice,
                Partition.Version,
                Partition.Kind,
                notice.Exercise,
                language,
                links.Notice(notice.Territory, notice.Id, language, entry.BaseUrl),
                await links.Manage(entry.Id, entry.BaseUrl),
                await links.Unsubscribe(entry.Id, entry.BaseUrl),
                Partition.Communes,
                Partition.TerritoryName);
            var contact = secrets.Unprotect(entry.ProtectedContact);
            using var slot = await throttle.Enter(pending.Channel, cancellationToken);
            return await sender.SendAsync(contact, message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Notice {Notice} version {Version} to subscription {Id} on {Channel} failed; retried later", notice.Id, Partition.Version, pending.Id, pending.Channel);
            return SendOutcome.RetryLater(reason: exception.Message);
        }
    }

    /// <summary>The bucket's entries by id: read again when <paramref name="fresh"/> or older than <see cref="EntriesLifetime"/>.</summary>
    private async Task<Dictionary<string, BucketEntry>> Entries(string territory, int bucket, bool fresh)
    {
        var now = clock.GetUtcNow();
        if (fresh || bucketEntries is not { } held || now - held.ReadAt >= EntriesLifetime || now < held.ReadAt)
        {
            held = ((await Bucket(territory, bucket).Entries()).ToDictionary(e => e.Id), now);
            bucketEntries = held;
        }

        return held.ById;
    }

    private ISubscriptionBucketGrain Bucket(string territory, int bucket) =>
        GrainFactory.GetGrain<ISubscriptionBucketGrain>(SubscriptionGrain.BucketKey(territory, bucket));
}
