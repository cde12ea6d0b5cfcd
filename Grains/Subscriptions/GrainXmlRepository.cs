using System.Xml.Linq;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// Data Protection's key ring in grain storage, so that every silo of a cluster encrypts and decrypts contacts with
/// the same keys. Data Protection calls it rarely (it caches the ring for hours) and synchronously: the grain call is
/// made off the calling grain's scheduler, which would otherwise wait on itself.
/// </summary>
public sealed class GrainXmlRepository(IGrainFactory grains) : IXmlRepository
{
    private ISubscriptionKeysGrain Keys => grains.GetGrain<ISubscriptionKeysGrain>(0);

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(async () => await Keys.KeyRing()).GetAwaiter().GetResult().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(async () => await Keys.StoreKeyRingElement(element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();
}
