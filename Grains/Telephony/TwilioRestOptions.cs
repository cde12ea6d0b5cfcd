namespace AlloIndustrie.Grains.Telephony;

/// <summary>
/// The Twilio account the silo sends SMS and places calls with (<c>Allo:Twilio</c>). Basic authentication is the
/// account SID and auth token, or an API key's SID and secret (Twilio's advice: a key per deployment, revocable);
/// the resources are always under the account SID.
/// </summary>
public sealed class TwilioRestOptions
{
    public const string Section = "Allo:Twilio";

    /// <summary>Twilio's REST API; tests point it at their stand-in on loopback.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com/");

    /// <summary>The account (<c>AC…</c>); without it the telephone channels are not offered.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's auth token; when unset, the one the phone settings grain holds (the one webhooks are checked with).</summary>
    public string? AuthToken { get; set; }

    /// <summary>An API key (<c>SK…</c>) used instead of the auth token for the REST API.</summary>
    public string? ApiKeySid { get; set; }

    /// <summary>The API key's secret.</summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>The deployment's Messaging Service (<c>MG…</c>) for SMS, unless a territory names its own.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>The deployment's SMS sender (a number in E.164, or an alphanumeric sender id) when there is no Messaging Service.</summary>
    public string? SmsFrom { get; set; }

    /// <summary>The number calls come from, unless a territory names its own; by default the territory's first line number.</summary>
    public string? CallFrom { get; set; }

    /// <summary>Per territory slug: its own Messaging Service, SMS sender or caller number.</summary>
    public Dictionary<string, TwilioTerritorySenders> Territories { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Requests per second to Twilio's API from one silo, SMS and calls together (a token bucket, queued).</summary>
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>Tries again at once (after <see cref="RetryDelay"/>, doubling) on 429, 5xx or a refused connection before the delivery's own back-off takes over.</summary>
    public int RetryAttempts { get; set; } = 2;

    /// <summary>The first wait between two tries of one request.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A <c>Retry-After</c> longer than this is left to the delivery (which pauses the channel) rather than waited for inside the request.</summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether SMS can be sent: an account, credentials and a sender.</summary>
    public bool OffersSms => !string.IsNullOrWhiteSpace(AccountSid)
        && (!string.IsNullOrWhiteSpace(MessagingServiceSid) || !string.IsNullOrWhiteSpace(SmsFrom) || Territories.Values.Any(t => t.HasSmsSender));

    /// <summary>The SMS sender of a territory: its own, else the deployment's; the Messaging Service first.</summary>
    public TwilioSmsSender? SmsSender(string territory)
    {
        var own = Territories.GetValueOrDefault(territory);
        return Sender(own?.MessagingServiceSid, own?.SmsFrom) ?? Sender(MessagingServiceSid, SmsFrom);

        static TwilioSmsSender? Sender(string? service, string? from) =>
            !string.IsNullOrWhiteSpace(service) ? new TwilioSmsSender(service.Trim(), null)
            : !string.IsNullOrWhiteSpace(from) ? new TwilioSmsSender(null, from.Trim())
            : null;
    }

    /// <summary>The caller number of a territory's calls, if configured (else the caller takes the territory's line number).</summary>
    public string? CallerNumber(string territory) =>
        Territories.GetValueOrDefault(territory)?.CallFrom is { Length: > 0 } own ? own.Trim()
        : CallFrom is { Length: > 0 } deployment ? deployment.Trim()
        : null;
}

/// <summary>A territory's own senders (<c>Allo:Twilio:Territories:{territory}:…</c>).</summary>
public sealed class TwilioTerritorySenders
{
    public string? MessagingServiceSid { get; set; }

    public string? SmsFrom { get; set; }

    public string? CallFrom { get; set; }

    public bool HasSmsSender => !string.IsNullOrWhiteSpace(MessagingServiceSid) || !string.IsNullOrWhiteSpace(SmsFrom);
}

/// <summary>Who an SMS comes from: a Messaging Service (which picks the number) or one sender.</summary>
public sealed record TwilioSmsSender(string? MessagingServiceSid, string? From);
