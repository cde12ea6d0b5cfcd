using AlloIndustrie.WebFront.Hosting;

namespace AlloIndustrie.WebFront.Residents.Feeds;

/// <summary>Absolute URLs of the public site, which feeds and CAP documents must carry (<see cref="PublicBaseUrl.ForEveryone"/>).</summary>
public sealed record PublicLinks(string BaseUrl, string Host)
{
    public static PublicLinks For(HttpRequest request, PublicBaseUrl publicBaseUrl)
    {
        var (baseUrl, host) = publicBaseUrl.ForEveryone(request);
        return new PublicLinks(baseUrl, host);
    }

    public string Territory(string territory) => $"{BaseUrl}/{territory}";

    public string Notice(string territory, string id) => $"{BaseUrl}/{territory}/notices/{id}";

    public string Cap(string territory, string id) => $"{BaseUrl}/{territory}/notices/{id}/cap.xml";

    public string Feed(string territory, string file) => $"{BaseUrl}/{territory}/{file}";

    public string Absolute(string url) => url.StartsWith('/') ? BaseUrl + url : url;

    /// <summary>The CAP sender: who speaks, as an address of this deployment.</summary>
    public string Sender => $"alloindustrie@{Host}";
}
