using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// Opens the subscriptions' key ring as soon as the silo is active: a node given another secret (or none, for a sealed
/// ring) stops at start instead of at its first sign-up, and a ring stored in clear is sealed at once.
/// </summary>
public sealed class KeyRingCheck(IOptions<KeyManagementOptions> options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(KeyRingCheck), ServiceLifecycleStage.Active, _ => Task.Run(() => options.Value.XmlRepository?.GetAllElements()));
}
