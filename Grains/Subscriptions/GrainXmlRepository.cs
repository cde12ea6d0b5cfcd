using System.Xml.Linq;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// Data Protection's key ring in grain storage, so that every silo of a cluster encrypts and decrypts contacts with
/// the same keys. Data Protection calls it rarely (it caches the ring for hours) and synchronously: the grain call is
/// made off the calling grain's scheduler, which would otherwise wait on itself. With a <see cref="KeyRingSecret"/>,
/// each key is stored sealed with it, and a key stored in clear before the secret was set is sealed at the next read
/// once every silo of the cluster can open it (during a rolling upgrade, the previous release's silos still read
/// the ring: sealed, it would be lost to them).
/// </summary>
public sealed class GrainXmlRepository(
    IGrainFactory grains,
    KeyRingSecret? secret,
    KeyRingSealing sealing,
    ILogger<GrainXmlRepository> logger) : IXmlRepository
{
    // Data Protection's own names for a secret to encrypt and for its encrypted form.
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";

    private ISubscriptionKeysGrain Keys => grains.GetGrain<ISubscriptionKeysGrain>(0);

    public IReadOnlyCollection<XElement> GetAllElements() => Task.Run(async () =>
    {
        var elements = new List<XElement>();
        foreach (var xml in await Keys.KeyRing())
        {
            var element = XElement.Parse(xml);

            // Refused here rather than left to Data Protection, which would take a key it cannot open for a lost one
            // and add a new key to the cluster's ring, sealed with the wrong secret.
            foreach (var sealedKey in element.Descendants(KeyRingXmlEncryptor.ElementName))
            {
                KeyRingXmlDecryptor.Open(secret, sealedKey);
            }

            if (secret is not null && RequiresSealing(element))
            {
                if (sealing.EverySiloCanOpen())
                {
                    Seal(element, secret);
                    await Keys.ReplaceKeyRingElement(xml, element.ToString(SaveOptions.DisableFormatting));
                    logger.LogWarning("A key of the subscriptions' key ring, stored in clear before {Key} was set, is now sealed with it", KeyRingSecret.FileKey);
                }
                else
                {
                    logger.LogWarning("A key of the subscriptions' key ring is stored in clear; it is sealed once every silo runs this release");
                }
            }

            elements.Add(element);
        }

        return (IReadOnlyCollection<XElement>)elements;
    }).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(async () => await Keys.StoreKeyRingElement(element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();

    private static bool RequiresSealing(XElement element) => ClearSecrets(element).Any();

    private static IEnumerable<XElement> ClearSecrets(XElement element) =>
        element.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true);

    /// <summary>Seals, in place, the secrets of <paramref name="element"/> that Data Protection marks as needing encryption.</summary>
    private static void Seal(XElement element, KeyRingSecret secret)
    {
        foreach (var secretElement in ClearSecrets(element).ToList())
        {
            var encrypted = new KeyRingXmlEncryptor(secret).Encrypt(secretElement);
            secretElement.ReplaceWith(new XElement(
                EncryptedSecret,
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                encrypted.EncryptedElement));
        }
    }
}
