using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Orleans.Metadata;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// Whether what is sealed with the <see cref="KeyRingSecret"/> may be stored sealed yet. During a rolling upgrade
/// the previous release's silos still run: they know no secret, so a key sealed under them is lost to them, and
/// they cannot read <see cref="ISubscriptionKeysGrain.ReplaceKeyRingElement"/>. Every silo the cluster knows must
/// have <see cref="ISubscriptionKeysGrain"/> at version 1 or later (its <c>[Version]</c>) first.
/// </summary>
public sealed class KeyRingSealing(IClusterManifestProvider manifests, GrainInterfaceTypeResolver interfaces)
{
    public bool EverySiloCanOpen()
    {
        var keys = interfaces.GetGrainInterfaceType(typeof(ISubscriptionKeysGrain));
        return manifests.Current.Silos.Values.All(silo =>
            silo.Interfaces.TryGetValue(keys, out var properties)
            && properties.Properties.TryGetValue(WellKnownGrainInterfaceProperties.Version, out var version)
            && ushort.TryParse(version, out var number)
            && number >= 1);
    }
}
