using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Microsoft.AspNetCore.DataProtection;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// The silo's use of the subscriptions' keys: contacts encrypted with Data Protection (key ring in storage), the
/// keyed hash that finds an address, and the tags of link tokens. The hash key is read once per silo.
/// </summary>
public sealed class SubscriptionSecrets(IGrainFactory grains, IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("AlloIndustrie.Subscriptions.Contact.v1");
    private Task<byte[]>? hashKey;

    /// <summary>The contact, encrypted.</summary>
    public string Protect(SubscriberContact contact) =>
        protector.Protect(JsonSerializer.Serialize(contact));

    /// <summary>The contact, decrypted.</summary>
    public SubscriberContact Unprotect(string protectedContact) =>
        JsonSerializer.Deserialize<SubscriberContact>(protector.Unprotect(protectedContact))
        ?? throw new CryptographicException("Empty contact.");

    /// <summary>The key of the address's lookup grain: its channel and the keyed hash of its lookup form.</summary>
    public async Task<string> LookupKey(SubscriberContact contact) =>
        $"{contact.Channel.ToString().ToLowerInvariant()}:{Convert.ToHexStringLower(await Mac($"contact|{contact.Channel}|{contact.LookupForm}"))}";

    /// <summary>A link token for a subscription: its id and the tag of the purpose.</summary>
    public async Task<string> Token(string subscriptionId, TokenPurpose purpose) => subscriptionId + await Tag(subscriptionId, purpose);

    /// <summary>Whether <paramref name="tag"/> is the subscription's tag for the purpose, in constant time.</summary>
    public async Task<bool> IsTag(string subscriptionId, TokenPurpose purpose, string tag) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(await Tag(subscriptionId, purpose)), Encoding.ASCII.GetBytes(tag));

    /// <summary>The keyed hash a confirmation code is kept as: six digits are not to be read back from storage.</summary>
    public async Task<string> CodeTag(string subscriptionId, string code) =>
        Convert.ToHexStringLower(await Mac($"code|{subscriptionId}|{code}"));

    /// <summary>Whether <paramref name="code"/> is the one whose keyed hash is <paramref name="tag"/>, in constant time.</summary>
    public async Task<bool> IsCodeTag(string subscriptionId, string code, string tag) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(await CodeTag(subscriptionId, code)), Encoding.ASCII.GetBytes(tag));

    private async Task<string> Tag(string subscriptionId, TokenPurpose purpose) =>
        Convert.ToHexStringLower((await Mac($"token|{purpose}|{subscriptionId}"))[..16]);

    private async Task<byte[]> Mac(string text) => HMACSHA256.HashData(await HashKey(), Encoding.UTF8.GetBytes(text));

    private Task<byte[]> HashKey()
    {
        // Read once, but read again if storage failed the first time.
        var current = hashKey;
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            current = hashKey = Task.Run(async () => await grains.GetGrain<ISubscriptionKeysGrain>(0).HashKey());
        }

        return current;
    }
}
