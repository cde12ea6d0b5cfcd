using System.Net;
using System.Net.Sockets;

namespace AlloIndustrie.Grains.Interfaces.Webhooks;

/// <summary>
/// The webhooks' limits and the addresses they may reach. A webhook posts wherever its administrator said, from
/// inside the deployment's network: it must never be a way to reach the deployment's own machines (loopback, private,
/// link-local, the cloud's metadata address), neither by its URL nor by what its name resolves to when connecting.
/// </summary>
public static class WebhookRules
{
    public const int MaxPerTerritory = 20;
    public const int KeptDeliveries = 100;
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 200;

    /// <summary>A receiver that has not answered by then has failed this attempt.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A webhook failing without a single success for this long is disabled and its administrators told.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(24);

    /// <summary>After a rotation the previous secret signs too, for this long, so receivers can switch without losing a message.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    /// <summary>Waits after the first, second… failed attempt of a message; the last repeats until the failure window ends.</summary>
    public static readonly TimeSpan[] RetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
    ];

    public static TimeSpan RetryDelay(int failedAttempts) => RetryDelays[Math.Clamp(failedAttempts - 1, 0, RetryDelays.Length - 1)];

    /// <summary>
    /// The French problem with <paramref name="url"/> as written, or null. Names are resolved and checked again at
    /// each connection; this only refuses what is wrong whatever the DNS says.
    /// </summary>
    public static string? UrlProblem(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "L’adresse du webhook est obligatoire.";
        }

        if (url.Length > MaxUrlLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic || url.Any(char.IsControl))
        {
            return $"L’adresse du webhook doit être une adresse https complète (https://…) de {MaxUrlLength} caractères au plus.";
        }

        if (uri.Scheme != "https" && !allowPrivate)
        {
            return "L’adresse du webhook doit être en https : les messages sont signés, mais leur contenu doit aussi voyager chiffré.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "L’adresse du webhook ne doit pas contenir d’identifiant ni de mot de passe : le secret du webhook signe chaque message.";
        }

        if (!allowPrivate && (IsLocalName(uri.IdnHost) || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && !IsPublic(address))))
        {
            return PrivateAddress;
        }

        return null;
    }

    public const string PrivateAddress =
        "L’adresse du webhook mène à un réseau privé, local ou de bouclage : seuls des serveurs joignables depuis Internet peuvent recevoir les webhooks.";

    /// <summary>Whether <paramref name="address"/> is on the public Internet (not loopback, private, link-local, shared, reserved or multicast).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var v6 = address.GetAddressBytes();
        return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || address.IsIPv4MappedToIPv6
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8)
            || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b)
            || v6.Take(12).All(x => x == 0));
    }

    private static bool IsLocalName(string name) => name.TrimEnd('.') is var host && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase));
}
