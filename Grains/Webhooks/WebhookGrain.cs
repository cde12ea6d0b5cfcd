using System.Collections.Immutable;
using System.Text.Json;
using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.Grains.Interfaces.Webhooks;
using AlloIndustrie.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.Grains.Webhooks;

/// <summary>
/// One webhook. Messages are stored before they are acknowledged, then delivered one at a time, in order: at once,
/// then after growing delays (<see cref="WebhookRules.RetryDelays"/>), by a grain timer for the short waits and a
/// one-minute reminder, armed while anything is pending, that resumes after a restart. A webhook without a single
/// success for <see cref="WebhookRules.FailureWindow"/> is disabled, its messages dropped, and the territory's audit
/// trail says so, for its administrators to see.
/// </summary>
public sealed class WebhookGrain(
    [PersistentState("webhook", StorageNames.Grains)] IPersistentState<WebhookState> state,
    WebhookClient client,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    GrainMetrics metrics,
    ILogger<WebhookGrain> logger)
    : Grain, IWebhookGrain, IRemindable
{
    private const string Reminder = "webhook-delivery";
    private const int KeptMessageIds = 500;
    private const string SystemActor = "système";

    private readonly SemaphoreSlim writes = new(1, 1);
    private IGrainTimer? timer;
    private bool delivering;

    private WebhookState Webhook => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleNext();
        return Task.CompletedTask;
    }

    public async Task<string?> Create(string territory, string url, string description, string createdBy)
    {
        if (state.RecordExists)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        Webhook.Territory = territory;
        Webhook.Url = url;
        Webhook.Description = description;
        Webhook.CreatedBy = createdBy;
        Webhook.CreatedAt = now;
        Webhook.Secret = WebhookSignature.NewSecret();
        Webhook.SecretCreatedAt = now;
        Webhook.Enabled = true;
        await Save();
        return Webhook.Secret;
    }

    public Task<WebhookView?> Get() => Task.FromResult(state.RecordExists
        ? new WebhookView(
            WebhookKey.TryParse(this.GetPrimaryKeyString(), out _, out var id) ? id : "",
            Webhook.Territory,
            Webhook.Url,
            Webhook.Description,
            Webhook.CreatedAt,
            Webhook.CreatedBy,
            Webhook.Enabled,
            Webhook.DisabledAt,
            Webhook.FailingSince,
            Webhook.Pending.Count,
            Webhook.SecretCreatedAt,
            [.. Webhook.Deliveries])
        : null);

    public async Task<string?> RotateSecret()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        Webhook.PreviousSecret = Webhook.Secret;
        Webhook.PreviousSecretUntil = now + WebhookRules.RotationOverlap;
        Webhook.Secret = WebhookSignature.NewSecret();
        Webhook.SecretCreatedAt = now;
        await Save();
        return Webhook.Secret;
    }

    public async Task<WebhookDelivery?> SendTest()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var message = new WebhookMessage(
            $"test-{Guid.NewGuid():N}",
            WebhookMessages.TestType,
            null,
            now,
            JsonSerializer.Serialize(
                new { type = WebhookMessages.TestType, timestamp = now, data = new { territory = Webhook.Territory, message = "Essai envoyé depuis le tableau de bord d’AlloIndustrie." } },
                Interfaces.ContractJson.Options));
        var (status, duration, error) = await client.Send(Webhook.Url, message, Secrets(now), CancellationToken.None);
        var delivery = new WebhookDelivery(now, message.Id, message.Type, 1, status, duration, error, null);
        Record(delivery);
        await Save();
        return delivery;
    }

    public async Task Enable()
    {
        if (!state.RecordExists || Webhook.Enabled)
        {
            return;
        }

        Webhook.Enabled = true;
        Webhook.DisabledAt = null;
        Webhook.FailingSince = null;
        await Save();
    }

    public async Task Delete()
    {
        timer?.Dispose();
        await UnarmReminder();
        await state.ClearStateAsync();
        state.State = new WebhookState();
    }

    public async Task Enqueue(WebhookMessage message)
    {
        if (!state.RecordExists || !Webhook.Enabled || Webhook.RecentMessageIds.Contains(message.Id))
        {
            return;
        }

        // A newer version of a notice replaces an older one still waiting (never the one on its way now), keeping its place and its wait.
        var now = clock.GetUtcNow();
        var older = message.NoticeId is null ? -1 : Webhook.Pending.FindIndex(p => p.Message.NoticeId == message.NoticeId);
        if (older >= 0 && !(delivering && older == 0))
        {
            var waiting = Webhook.Pending[older];
            Webhook.Pending[older] = new PendingWebhookMessage { Message = message, NextAttemptAt = waiting.NextAttemptAt > now ? waiting.NextAttemptAt : now };
        }
        else
        {
            Webhook.Pending.Add(new PendingWebhookMessage { Message = message, NextAttemptAt = now });
        }

        Webhook.RecentMessageIds.Add(message.Id);
        if (Webhook.RecentMessageIds.Count > KeptMessageIds)
        {
            Webhook.RecentMessageIds.RemoveRange(0, Webhook.RecentMessageIds.Count - KeptMessageIds);
        }

        await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await Save();
        ScheduleNext();
    }

    public Task<ImmutableArray<WebhookMessage>> Pending() => Task.FromResult(Webhook.Pending.Select(p => p.Message).ToImmutableArray());

    public Task ReceiveReminder(string reminderName, TickStatus status) => DeliverDue();

    /// <summary>Tries the first pending message if it is due, then the next ones while they succeed.</summary>
    private async Task DeliverDue()
    {
        if (delivering)
        {
            return;
        }

        delivering = true;
        try
        {
            while (Webhook.Enabled && Webhook.Pending.Count > 0 && Webhook.Pending[0].NextAttemptAt <= clock.GetUtcNow())
            {
                var pending = Webhook.Pending[0];
                var now = clock.GetUtcNow();
                var (status, duration, error) = await client.Send(Webhook.Url, pending.Message, Secrets(now), CancellationToken.None);
                pending.Attempts++;
                if (status is >= 200 and < 300)
                {
                    Webhook.Pending.Remove(pending);
                    Webhook.FailingSince = null;
                    Record(new WebhookDelivery(now, pending.Message.Id, pending.Message.Type, pending.Attempts, status, duration, null, null));
                    await Save();
                    continue;
                }

                Webhook.FailingSince ??= now;
                if (now - Webhook.FailingSince >= WebhookRules.FailureWindow)
                {
                    Record(new WebhookDelivery(now, pending.Message.Id, pending.Message.Type, pending.Attempts, status, duration, error, null));
                    await Disable(now);
                    break;
                }

                pending.NextAttemptAt = now + WebhookRules.RetryDelay(pending.Attempts);
                Record(new WebhookDelivery(now, pending.Message.Id, pending.Message.Type, pending.Attempts, status, duration, error, pending.NextAttemptAt));
                await Save();
                break;
            }

            if (Webhook.Pending.Count == 0 || !Webhook.Enabled)
            {
                await UnarmReminder();
            }
        }
        finally
        {
            delivering = false;
            ScheduleNext();
        }
    }

    private async Task Disable(DateTimeOffset now)
    {
        var before = JsonSerializer.Serialize(new { enabled = true, failingSince = Webhook.FailingSince, pending = Webhook.Pending.Count });
        Webhook.Enabled = false;
        Webhook.DisabledAt = now;
        Webhook.Pending.Clear();
        await Save();
        logger.LogWarning("Webhook {Webhook} of {Territory} disabled after failing since {Since}", this.GetPrimaryKeyString(), Webhook.Territory, Webhook.FailingSince);
        await GrainFactory.GetGrain<IAuditGrain>(AuditKey.Of(Webhook.Territory, now)).Append(new AuditEntry(
            now,
            SystemActor,
            null,
            "webhook.desactiver",
            $"webhook:{Webhook.Url}",
            before,
            JsonSerializer.Serialize(new { enabled = false, reason = $"aucun envoi réussi depuis {WebhookRules.FailureWindow.TotalHours:0} h" }),
            false));
    }

    /// <summary>A grain timer for a retry due within the reminder's minute; the reminder covers the rest.</summary>
    private void ScheduleNext()
    {
        timer?.Dispose();
        timer = null;
        if (!Webhook.Enabled || Webhook.Pending.Count == 0)
        {
            return;
        }

        var wait = Webhook.Pending[0].NextAttemptAt - clock.GetUtcNow();
        if (wait < TimeSpan.FromMinutes(1))
        {
            timer = this.RegisterGrainTimer(DeliverDue, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task UnarmReminder()
    {
        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private List<string> Secrets(DateTimeOffset now) =>
        Webhook.PreviousSecret is { } previous && Webhook.PreviousSecretUntil > now ? [Webhook.Secret, previous] : [Webhook.Secret];

    private void Record(WebhookDelivery delivery)
    {
        metrics.WebhookAnswered(Webhook.Territory, delivery.Status is >= 200 and < 300, delivery.Duration);
        Webhook.Deliveries.Insert(0, delivery);
        if (Webhook.Deliveries.Count > WebhookRules.KeptDeliveries)
        {
            Webhook.Deliveries.RemoveRange(WebhookRules.KeptDeliveries, Webhook.Deliveries.Count - WebhookRules.KeptDeliveries);
        }
    }

    /// <summary>Interleaved calls (an enqueue during a delivery) write one after the other, never at once.</summary>
    private async Task Save()
    {
        await writes.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            writes.Release();
        }
    }
}
