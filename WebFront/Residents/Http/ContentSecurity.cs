namespace AlloIndustrie.WebFront.Residents.Http;

/// <summary>The Content-Security-Policy of the public pages: scripts and styles from this site only, never inline.</summary>
public static class ContentSecurity
{
    public static string Policy(PublicSiteOptions options, bool frameable)
    {
        var tiles = options.MapTileOrigin() is { } origin ? " " + origin : "";
        var ancestors = frameable ? options.WidgetFrameAncestors : "'none'";
        return "default-src 'self'; script-src 'self'; style-src 'self'; "
            + $"img-src 'self' data:{tiles}; media-src 'self' https:; connect-src 'self'; "
            + $"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {ancestors}";
    }
}
