using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// The subscriptions' secrets, one grain for the cluster (key <c>0</c>): the Data Protection key ring that encrypts
/// contacts (its XML elements, as <c>IXmlRepository</c> stores them) and the key of the keyed hashes that find an
/// address and sign link tokens. Only silos call it.
/// </summary>
/// <remarks>
/// Version 1 added <see cref="ReplaceKeyRingElement"/>: a silo of the previous release cannot read that call (and
/// drops the connection it came on), so a node makes it only once every silo of the cluster has this version.
/// </remarks>
[Alias("AlloIndustrie.ISubscriptionKeysGrain")]
[Orleans.CodeGeneration.Version(1)]
public interface ISubscriptionKeysGrain : IGrainWithIntegerKey
{
    /// <summary>The key ring's elements, oldest first.</summary>
    [Alias("KeyRing")]
    Task<ImmutableArray<string>> KeyRing();

    /// <summary>Adds an element to the key ring (a new key, a revocation).</summary>
    [Alias("StoreKeyRingElement")]
    Task StoreKeyRingElement(string xml);

    /// <summary>
    /// Replaces an element of the key ring by its sealed form (a key stored in clear before the ring had a secret).
    /// Since version 1: only once every silo has it.
    /// </summary>
    [Alias("ReplaceKeyRingElement")]
    Task ReplaceKeyRingElement(string xml, string replacement);

    /// <summary>The 256-bit hash key, created at the first call.</summary>
    [Alias("HashKey")]
    Task<byte[]> HashKey();
}
