namespace AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;

/// <summary>The Web Push settings (<c>Allo:Subscriptions</c>), read alike by the web fronts and the silos.</summary>
public sealed class WebPushOptions
{
    public const string Section = "Allo:Subscriptions";

    /// <summary>The major browsers' push services: Chrome's, Firefox's, Safari's and Edge's (Windows' notification service, one host per region).</summary>
    public const string DefaultPushOrigins =
        "https://fcm.googleapis.com,https://updates.push.services.mozilla.com,https://web.push.apple.com,https://*.notify.windows.com";

    /// <summary>Comma-separated origins a push endpoint may have; <c>*.</c> before a host stands for any of its subdomains.</summary>
    public string PushOrigins { get; set; } = DefaultPushOrigins;

    /// <summary>The VAPID <c>sub</c>: a <c>mailto:</c> or <c>https:</c> address where push services can reach the deployment.</summary>
    public string VapidSubject { get; set; } = "mailto:contact@alloindustrie.invalid";
}
