using AlloIndustrie.Grains.Interfaces.Voice;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// The auth token that signs webhooks: from configuration when set, else the one the phone settings grain
/// holds, kept for a minute so that a webhook does not cost an extra grain call each time.
/// </summary>
public sealed class TwilioAuthToken(IOptionsMonitor<VoiceOptions> options, IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);
    private Cached? cached;

    public async ValueTask<string?> Get()
    {
        if (options.CurrentValue.Twilio.AuthToken is { Length: > 0 } configured)
        {
            return configured;
        }

        if (cached is { } fresh && fresh.Until > time.GetUtcNow())
        {
            return fresh.Token;
        }

        // An absent token is not cached: the demo seeder may set it a moment after start.
        var stored = await grains.GetGrain<IPhoneSettingsGrain>(IPhoneSettingsGrain.Key).GetAuthToken();
        cached = stored is null ? null : new Cached(stored, time.GetUtcNow() + CacheDuration);
        return stored;
    }

    private sealed record Cached(string Token, DateTimeOffset Until);
}
