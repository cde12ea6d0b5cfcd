using System.Net;
using System.Net.Sockets;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// The client as every per-client limit counts it: its IPv4 address, or the /64 network of its IPv6 address.
/// One subscriber, one phone or one box is given a whole /64 and may pick any address in it: counting
/// addresses would make one person as many clients as it likes.
/// </summary>
public static class ClientAddress
{
    private const int Ipv6NetworkBytes = 8;

    /// <summary>The client of <paramref name="http"/>; behind a trusted proxy, the one it forwarded.</summary>
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, Ipv6NetworkBytes, bytes.Length - Ipv6NetworkBytes);
        return new IPAddress(bytes) + "/64";
    }
}
