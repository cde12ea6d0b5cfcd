using System.Collections.Concurrent;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// Which territory a dialled number belongs to, as the territory directory says, remembered for half a
/// minute: every webhook of every call names the number, and asking the one directory grain each time was a
/// second cluster round trip per webhook (bench/CHANGES.md). A number an administrator has just moved
/// reaches its new territory within that half minute; an unknown number is asked again each time, so that a
/// number just added answers at once.
/// </summary>
public sealed class PhoneNumberTerritories(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    // Twilio only calls the numbers of this deployment, and only signed webhooks get here; the bound is a safeguard.
    private const int MaxNumbers = 1_000;

    private readonly ConcurrentDictionary<string, (string Territory, DateTimeOffset Until)> known = new(StringComparer.Ordinal);

    public async Task<string?> Find(string? dialled)
    {
        if (string.IsNullOrWhiteSpace(dialled))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (known.TryGetValue(dialled, out var entry) && entry.Until > now)
        {
            return entry.Territory;
        }

        // The directory compares numbers in E.164, however Twilio or an administrator wrote them.
        var territory = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).FindByPhoneNumber(dialled);
        if (territory is null)
        {
            known.TryRemove(dialled, out _);
        }
        else if (known.Count < MaxNumbers || known.ContainsKey(dialled))
        {
            known[dialled] = (territory, now + CacheDuration);
        }

        return territory;
    }
}
