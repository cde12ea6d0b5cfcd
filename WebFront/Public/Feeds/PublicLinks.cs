using System.Net;

namespace AlloIndustrie.WebFront.Public.Feeds;

/// <summary>
/// Absolute URLs of the public site, which feeds and CAP documents must carry. They come from trusted values
/// only, never from whatever <c>Host</c> a client sends, since feeds are cached and served to everyone:
/// <c>Allo:PublicBaseUrl</c>; else the request's host if <c>AllowedHosts</c> lists it; else the address the
/// connection reached.
/// </summary>
public sealed record PublicLinks(string BaseUrl, string Host)
{
    public static PublicLinks For(HttpRequest request, PublicSiteOptions options)
    {
        if (options.PublicBaseUrl is { } configured && Uri.TryCreate(configured, UriKind.Absolute, out var uri))
        {
            return new PublicLinks(configured, uri.Host);
        }

        if (!options.TrustedHosts.IsEmpty && HostString.MatchesAny(request.Host.Host, options.TrustedHosts))
        {
            return new PublicLinks($"{request.Scheme}://{request.Host}{request.PathBase}", request.Host.Host);
        }

        var connection = request.HttpContext.Connection;
        var local = new IPEndPoint(connection.LocalIpAddress ?? IPAddress.Loopback, connection.LocalPort);
        return new PublicLinks($"{request.Scheme}://{local}{request.PathBase}", local.Address.ToString());
    }

    public string Territory(string territory) => $"{BaseUrl}/{territory}";

    public string Notice(string territory, string id) => $"{BaseUrl}/{territory}/notices/{id}";

    public string Cap(string territory, string id) => $"{BaseUrl}/{territory}/notices/{id}/cap.xml";

    public string Feed(string territory, string file) => $"{BaseUrl}/{territory}/{file}";

    public string Absolute(string url) => url.StartsWith('/') ? BaseUrl + url : url;

    /// <summary>The CAP sender: who speaks, as an address of this deployment.</summary>
    public string Sender => $"alloindustrie@{Host}";
}
