using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// The subscriptions' secrets, one grain for the cluster (key <c>0</c>): the Data Protection key ring that encrypts
/// contacts (its XML elements, as <c>IXmlRepository</c> stores them) and the key of the keyed hashes that find an
/// address and sign link tokens. Only silos call it.
/// </summary>
[Alias("AlloIndustrie.ISubscriptionKeysGrain")]
public interface ISubscriptionKeysGrain : IGrainWithIntegerKey
{
    /// <summary>The key ring's elements, oldest first.</summary>
    [Alias("KeyRing")]
    Task<ImmutableArray<string>> KeyRing();

    /// <summary>Adds an element to the key ring (a new key, a revocation).</summary>
    [Alias("StoreKeyRingElement")]
    Task StoreKeyRingElement(string xml);

    /// <summary>The 256-bit hash key, created at the first call.</summary>
    [Alias("HashKey")]
    Task<byte[]> HashKey();
}
