namespace AlloIndustrie.WebFront.Residents;

/// <summary>Settings of the residents' site, read once at start-up from the <c>Allo</c> configuration.</summary>
public sealed record PublicSiteOptions
{
    /// <summary>Tile URL template for the map (<c>Allo:Map:TileUrl</c>); none by default, so that no third party is asked.</summary>
    public string? MapTileUrl { get; init; }

    /// <summary>Attribution required by the tile server's terms (<c>Allo:Map:Attribution</c>).</summary>
    public string? MapAttribution { get; init; }

    /// <summary>Who may frame the widget (<c>Allo:Widget:FrameAncestors</c>): town-hall websites, any by default.</summary>
    public string WidgetFrameAncestors { get; init; } = "*";

    /// <summary>Radius of the CAP circle around a site (<c>Allo:Cap:CircleRadiusKm</c>).</summary>
    public double CapCircleRadiusKm { get; init; } = 5;

    /// <summary>Longest time a page or feed is served from the output cache when no notice changes.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Who hosts the deployment, as the legal notice names it (<c>Allo:Legal:Host</c>: name, address, telephone) when a
    /// territory does not name its own.
    /// </summary>
    public string? LegalHost { get; init; }

    public static PublicSiteOptions From(IConfiguration configuration) => new()
    {
        MapTileUrl = NullIfBlank(configuration["Allo:Map:TileUrl"]),
        MapAttribution = NullIfBlank(configuration["Allo:Map:Attribution"]),
        WidgetFrameAncestors = NullIfBlank(configuration["Allo:Widget:FrameAncestors"]) ?? "*",
        CapCircleRadiusKm = configuration.GetValue("Allo:Cap:CircleRadiusKm", 5.0),
        LegalHost = NullIfBlank(configuration["Allo:Legal:Host"]),
    };

    /// <summary>The origin of the tile server, for the Content-Security-Policy (<c>{s}</c> subdomains become a wildcard).</summary>
    public string? MapTileOrigin()
    {
        if (MapTileUrl is null)
        {
            return null;
        }

        var candidate = MapTileUrl.Replace("{s}", "tiles", StringComparison.Ordinal);
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var host = MapTileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[(uri.Host.IndexOf('.') + 1)..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
