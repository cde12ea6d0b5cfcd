namespace AlloIndustrie.Grains.Webhooks;

/// <summary>Bound from <c>Allo:Subscriptions</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Allo:Subscriptions";

    /// <summary>
    /// Lets webhooks reach private and loopback addresses, over plain http too: for tests, whose receivers run on
    /// this machine without a certificate. Never in production.
    /// </summary>
    public bool AllowPrivateWebhooks { get; set; }
}
