using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Telephony;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Voice;

/// <summary>The number a territory's calls come from: its own configured caller, the deployment's, else its first line number.</summary>
internal static class TerritoryCaller
{
    public static async Task<string?> Number(IGrainFactory grains, TwilioRestOptions options, string territory)
    {
        if (options.CallerNumber(territory) is { } configured)
        {
            return configured;
        }

        var profile = await grains.GetGrain<ITerritoryGrain>(territory).GetProfile();
        return profile?.PhoneNumbers.Select(PhoneNumber.Normalize).FirstOrDefault();
    }
}
