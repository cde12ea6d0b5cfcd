using System.Net;
using AlloIndustrie.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates TLS, every request is plain HTTP from the proxy. The forwarded
/// headers give back the client's address (<c>X-Forwarded-For</c>) and scheme (<c>X-Forwarded-Proto</c>), so that
/// what follows sees the client's request: the session cookies' Secure flag, the audit trail's address, the
/// rate limits, the URL Twilio signed, the feeds' links. They are believed only from the proxies configured
/// in <c>Allo:Proxy</c> (by default loopback, as ASP.NET does); from anyone else they could be forged.
/// </summary>
public static class ReverseProxyExtensions
{
    public const string Section = "Allo:Proxy";

    public static WebApplicationBuilder AddAlloReverseProxy(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;

        // The reports' own list would now be silently ignored, and every resident behind the proxy one client.
        if (!string.IsNullOrWhiteSpace(configuration["Allo:Reports:TrustedProxies"]))
        {
            throw new SettingException("Allo:Reports:TrustedProxies",
                "remplacé par Allo:Proxy:KnownProxies, que suit tout le serveur web ; attendu : la même liste sous Allo:Proxy:KnownProxies.",
                "replaced by Allo:Proxy:KnownProxies, which the whole web front follows; expected the same list under Allo:Proxy:KnownProxies.");
        }

        var proxies = List<IPAddress>(configuration, "KnownProxies", "des adresses IP séparées par des virgules", "IP addresses", (string text, out IPAddress value) => IPAddress.TryParse(text, out value!));
        var networks = List<IPNetwork>(configuration, "KnownNetworks", "des réseaux en notation CIDR (10.0.0.0/8) séparés par des virgules", "networks in CIDR notation (10.0.0.0/8)", IPNetwork.TryParse);
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Through a chain of trusted proxies (a load balancer, then nginx), back to the first address none of them is.
            forwarded.ForwardLimit = null;
            if (proxies.Count > 0 || networks.Count > 0)
            {
                // The configured proxies replace loopback rather than join it: a deployment can then distrust it.
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                proxies.ForEach(forwarded.KnownProxies.Add);
                networks.ForEach(forwarded.KnownIPNetworks.Add);
            }
        });
        builder.Services.AddOptions<PublicBaseUrl.Options>()
            .Configure<IConfiguration>((options, root) =>
            {
                options.PublicBaseUrl = root[PublicBaseUrl.Options.PublicBaseUrlKey];
                options.AllowedHosts = root["AllowedHosts"];
            })
            .ValidateSettings(PublicBaseUrl.Options.Check);
        builder.Services.AddSingleton<PublicBaseUrl>();
        return builder;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static List<T> List<T>(IConfiguration configuration, string key, string expectedFrench, string expectedEnglish, TryParse<T> parse) =>
        [.. (configuration[$"{Section}:{key}"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => parse(text, out var value)
                ? value
                : throw SettingException.Invalid($"{Section}:{key}", text, expectedFrench, $"{expectedEnglish}, separated by commas"))];
}
