using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>Bound from <c>Allo:Subscriptions</c>.</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Allo:Subscriptions";

    /// <summary>
    /// The public address links in messages start with (<c>Allo:PublicBaseUrl</c>, as the web front's); without it,
    /// the address the sign-up came through.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Active subscriptions per bucket of a territory's index, hence per delivery partition.</summary>
    public int BucketSize { get; set; } = 500;

    /// <summary>
    /// Messages a partition hands over before it stores its progress: after a crash, at most these are sent a
    /// second time (the in-flight window).
    /// </summary>
    public int InFlightWindow { get; set; } = 20;

    /// <summary>How long a pending subscription waits for its confirmation before it is deleted.</summary>
    public TimeSpan PendingLifetime { get; set; } = PersonalDataRetention.PendingSubscription;

    /// <summary>Confirmations sent to one address: at most one per this period…</summary>
    public TimeSpan ConfirmationInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Codes sent to one number (SMS, voice): at most one per this period, and <see cref="ConfirmationsPerDay"/> a day.</summary>
    public TimeSpan CodeInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>…and this many per 24 hours.</summary>
    public int ConfirmationsPerDay { get; set; } = 3;

    /// <summary>How long a message that keeps failing is retried before it counts as failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>First wait after a passing failure without <c>Retry-After</c>; it doubles up to <see cref="MaxBackOff"/>.</summary>
    public TimeSpan BackOff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between two tries of a failing channel.</summary>
    public TimeSpan MaxBackOff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Per channel (<c>Allo:Subscriptions:Channels:Email:MaxConcurrency</c>…), per silo.</summary>
    public Dictionary<SubscriptionChannel, ChannelLimits> Channels { get; set; } = [];

    /// <summary>The limits of a channel, its defaults where nothing is configured.</summary>
    public ChannelLimits LimitsOf(SubscriptionChannel channel) =>
        Channels.TryGetValue(channel, out var limits) ? limits : ChannelLimits.DefaultFor(channel);
}

/// <summary>How fast one silo may hand messages to one channel's provider.</summary>
public sealed class ChannelLimits
{
    /// <summary>Messages handed over at once.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Messages handed over per second.</summary>
    public int PerSecond { get; set; } = 50;

    /// <summary>
    /// A channel's defaults: a push service takes much more than an SMTP relay. SMS and calls are paced per territory
    /// by its own rates (<c>ITelephoneRatesGrain</c>, 1 a second unless its administrators set more), so the silo's
    /// limits only leave room for the fastest a territory may set.
    /// </summary>
    public static ChannelLimits DefaultFor(SubscriptionChannel channel) => channel switch
    {
        SubscriptionChannel.WebPush => new() { MaxConcurrency = 32, PerSecond = 2000 },
        SubscriptionChannel.Email => new() { MaxConcurrency = 8, PerSecond = 200 },
        _ => new() { MaxConcurrency = 16, PerSecond = Interfaces.Telephony.TelephoneRates.Max },
    };
}
