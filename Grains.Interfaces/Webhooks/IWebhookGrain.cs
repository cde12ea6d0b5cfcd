using System.Collections.Immutable;
using Orleans.Concurrency;

namespace AlloIndustrie.Grains.Interfaces.Webhooks;

/// <summary>
/// One webhook of a territory (key <see cref="WebhookKey.Of"/>): its address, its signing secret, the messages it
/// still has to deliver and the last <see cref="WebhookRules.KeptDeliveries"/> delivery attempts. Created, listed
/// and deleted through the territory's <see cref="IWebhookDirectoryGrain"/>.
/// </summary>
[Alias("AlloIndustrie.IWebhookGrain")]
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>Sets the webhook up with a new secret, shown this once; nothing happens if it already exists.</summary>
    [Alias("Create")]
    Task<string?> Create(string territory, string url, string description, string createdBy);

    /// <summary>The webhook as its administrators see it (never its secret), or null if there is none.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<WebhookView?> Get();

    /// <summary>A new secret, shown this once; the previous one still signs for <see cref="WebhookRules.RotationOverlap"/>.</summary>
    [Alias("RotateSecret")]
    Task<string?> RotateSecret();

    /// <summary>Sends a <c>webhook.test</c> message now, once (no retry), and returns the attempt.</summary>
    [Alias("SendTest")]
    Task<WebhookDelivery?> SendTest();

    /// <summary>Enables a webhook that was disabled after failing, clearing its failure.</summary>
    [Alias("Enable")]
    Task Enable();

    /// <summary>Deletes the webhook, its secret and its history.</summary>
    [Alias("Delete")]
    Task Delete();

    /// <summary>
    /// Interleaves with a delivery under way (a receiver may take 10 s to fail), so the notice's dispatch never waits for it.
    /// Keeps <paramref name="message"/> to be delivered (durably, before returning), at once and then again with growing
    /// delays until it is accepted. A message whose id the webhook already has is ignored; a newer version of the same
    /// notice replaces one not yet delivered.
    /// </summary>
    [Alias("Enqueue"), AlwaysInterleave]
    Task Enqueue(WebhookMessage message);

    /// <summary>The messages still to deliver, oldest first.</summary>
    [Alias("Pending"), AlwaysInterleave]
    Task<ImmutableArray<WebhookMessage>> Pending();
}
