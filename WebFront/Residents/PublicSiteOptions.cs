using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.WebFront.Residents;

/// <summary>
/// Settings of the residents' site, bound from <c>Allo</c> (each key under its own subsection) and checked at
/// start-up. Blank values count as unset.
/// </summary>
public sealed record PublicSiteOptions
{
    public const string Section = "Allo";

    /// <summary>Tile URL template for the map (<c>Allo:Map:TileUrl</c>); none by default, so that no third party is asked.</summary>
    [ConfigurationKeyName("Map:TileUrl")]
    public string? MapTileUrl { get; init => field = NullIfBlank(value); }

    /// <summary>Attribution required by the tile server's terms (<c>Allo:Map:Attribution</c>).</summary>
    [ConfigurationKeyName("Map:Attribution")]
    public string? MapAttribution { get; init => field = NullIfBlank(value); }

    /// <summary>Who may frame the widget (<c>Allo:Widget:FrameAncestors</c>): town-hall websites, any by default.</summary>
    [ConfigurationKeyName("Widget:FrameAncestors")]
    public string WidgetFrameAncestors { get; init => field = NullIfBlank(value) ?? "*"; } = "*";

    /// <summary>Radius of the CAP circle around a site (<c>Allo:Cap:CircleRadiusKm</c>).</summary>
    [ConfigurationKeyName("Cap:CircleRadiusKm")]
    public double CapCircleRadiusKm { get; init; } = 5;

    /// <summary>Longest time a page or feed is served from the output cache when no notice changes.</summary>
    public TimeSpan CacheDuration { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Who hosts the deployment, as the legal notice names it (<c>Allo:Legal:Host</c>: name, address, telephone) when a
    /// territory does not name its own.
    /// </summary>
    [ConfigurationKeyName("Legal:Host")]
    public string? LegalHost { get; init => field = NullIfBlank(value); }

    /// <summary>
    /// A tile address the Content-Security-Policy cannot name would leave the map blank without a word, and a
    /// circle of no size a CAP area no reader can place.
    /// </summary>
    public static SettingException? Check(PublicSiteOptions options) =>
        (options.MapTileUrl is not null && options.MapTileOrigin() is null
            ? SettingException.Invalid($"{Section}:Map:TileUrl", options.MapTileUrl,
                "une adresse de tuiles complète en https:// ou http://, par exemple https://{s}.tile.example.org/{z}/{x}/{y}.png",
                "an absolute https:// or http:// tile address, e.g. https://{s}.tile.example.org/{z}/{x}/{y}.png")
            : null)
        ?? (double.IsFinite(options.CapCircleRadiusKm) && options.CapCircleRadiusKm > 0
            ? null
            : SettingException.Invalid($"{Section}:Cap:CircleRadiusKm", options.CapCircleRadiusKm.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "un rayon en kilomètres supérieur à zéro (5)", "a radius in kilometres greater than zero (5)"));

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
