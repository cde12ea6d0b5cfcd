using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>Seals each key of the subscriptions' key ring with the operator's <see cref="KeyRingSecret"/> before Data Protection stores it.</summary>
public sealed class KeyRingXmlEncryptor(KeyRingSecret secret) : IXmlEncryptor
{
    public const string ElementName = "sealedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
        new XElement(
            ElementName,
            new XAttribute("secret", secret.Id),
            Convert.ToBase64String(secret.Seal(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting))))),
        typeof(KeyRingXmlDecryptor));
}

/// <summary>Opens what <see cref="KeyRingXmlEncryptor"/> sealed; Data Protection makes it from its type name, with the silo's services.</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => Open(services.GetService<KeyRingSecret>(), encryptedElement);

    /// <summary>The key sealed in <paramref name="element"/>; a clear refusal when the secret is missing or another.</summary>
    public static XElement Open(KeyRingSecret? secret, XElement element)
    {
        if (secret is null)
        {
            throw new KeyRingRefusedException(
                $"Le trousseau de clés des abonnements est chiffré, mais {KeyRingSecret.FileKey} n’est pas configuré",
                $"The subscriptions' key ring is encrypted, but {KeyRingSecret.FileKey} is not set.");
        }

        if ((string?)element.Attribute("secret") != secret.Id
            || secret.Open(Convert.FromBase64String(element.Value)) is not { } opened)
        {
            throw new KeyRingRefusedException(
                $"Le trousseau de clés des abonnements a été chiffré avec un autre secret que celui de {KeyRingSecret.FileKey} : donnez à ce nœud le secret des autres (après une restauration : celui du dossier sauvegardé)",
                $"The subscriptions' key ring was encrypted with another secret than {KeyRingSecret.FileKey}'s: give this node the other nodes' secret (after a restore: the backed-up folder's).");
        }

        return XElement.Parse(Encoding.UTF8.GetString(opened));
    }
}
