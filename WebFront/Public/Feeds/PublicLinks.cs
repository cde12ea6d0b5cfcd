namespace AlloIndustrie.WebFront.Public.Feeds;

/// <summary>Absolute URLs of the public site, which feeds and CAP documents must carry.</summary>
public sealed record PublicLinks(string BaseUrl, string Host)
{
    public static PublicLinks For(HttpRequest request, PublicSiteOptions options)
    {
        if (options.PublicBaseUrl is { } configured && Uri.TryCreate(configured, UriKind.Absolute, out var uri))
        {
            return new PublicLinks(configured, uri.Host);
        }

        return new PublicLinks($"{request.Scheme}://{request.Host}{request.PathBase}", request.Host.Host);
    }

    public string Territory(string territory) => $"{BaseUrl}/{territory}";

    public string Notice(string territory, string id) => $"{BaseUrl}/{territory}/notices/{id}";

    public string Cap(string territory, string id) => $"{BaseUrl}/{territory}/notices/{id}/cap.xml";

    public string Feed(string territory, string file) => $"{BaseUrl}/{territory}/{file}";

    public string Absolute(string url) => url.StartsWith('/') ? BaseUrl + url : url;

    /// <summary>The CAP sender: who speaks, as an address of this deployment.</summary>
    public string Sender => $"alloindustrie@{Host}";
}
