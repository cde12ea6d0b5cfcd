using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Words;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Reading;

namespace AlloIndustrie.WebFront.Residents.Pages;

/// <summary>What every component of a page needs: its language, the time it shows, and how to link within the site.</summary>
public sealed record PageContext(Texts T, DateTimeOffset Now, string Path, PublicSiteOptions Options)
{
    /// <summary>
    /// The context of a public page answering <paramref name="http"/>: the reader's language (<c>?lang=en</c>; without
    /// <c>?lang</c>, <paramref name="preferred"/>, such as a subscriber's, or French), the node's clock, and, while
    /// storage does not answer, when what it shows was last confirmed.
    /// </summary>
    public static PageContext For(HttpContext http, PublicNoticeReader reader, PublicSiteOptions options, Language? preferred = null)
    {
        var query = http.Request.Query;
        var language = query["lang"] == "en" ? Language.English : query.ContainsKey("lang") ? Language.French : preferred ?? Language.French;
        return new(Texts.For(language), reader.Now, http.Request.Path.Value ?? "/", options)
        {
            LastConfirmedAt = reader.LastConfirmedAtIfDegraded,
        };
    }

    public bool English => T.Language == Language.English;

    /// <summary>Set while storage does not answer: what the page shows was last confirmed then.</summary>
    public DateTimeOffset? LastConfirmedAt { get; init; }

    /// <summary>A label's colon as each language writes it: "Par téléphone : " (no-break space), "By phone: ".</summary>
    public string Colon => English ? ": " : "\u00A0: ";

    /// <summary>A link to another public page, keeping the reader's language.</summary>
    public string Link(string path) => English ? $"{path}?lang=en" : path;

    /// <summary>The same page in the other language.</summary>
    public string OtherLanguageLink => English ? Path : $"{Path}?lang=en";

    public string Time(DateTimeOffset at) => ParisTime.Of(at).ToString("HH:mm", T.Culture);

    /// <summary>A day and time, with the year only when it is not this year's: "mardi 1 décembre à 20 h 39".</summary>
    public string DateTime(DateTimeOffset at)
    {
        var local = ParisTime.Of(at);
        var format = local.Year == ParisTime.Of(Now).Year ? T.DateTimeFormatThisYear : T.DateTimeFormat;

        // French writes a whole hour "à 13 h", not "à 13 h 00".
        return local.ToString(local.Minute == 0 ? format.Replace("' h 'mm", "' h'", StringComparison.Ordinal) : format, T.Culture);
    }

    /// <summary>This context with the communes of <paramref name="sites"/>, so that each card can name them.</summary>
    public PageContext WithSites(ImmutableArray<Grains.Interfaces.Sites.SiteProfile> sites) => this with
    {
        SiteCommunes = sites.IsDefault ? ImmutableDictionary<string, ImmutableArray<string>>.Empty : sites.ToImmutableDictionary(site => site.Slug, site => site.Communes.IsDefault ? [] : site.Communes),
    };

    /// <summary>The communes from which each site's events can be perceived, by site slug, for the cards.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<string>> SiteCommunes { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>For machines (<c>datetime</c>, the live script): in UTC, shorter than with an offset, which HTML would write as an entity.</summary>
    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string StatusCode(NoticeStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Audio is played only from the web (never a <c>javascript:</c> or <c>data:</c> URL).</summary>
    public static string? SafeAudioUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri)
            && (uri.IsAbsoluteUri ? uri.Scheme is "https" or "http" : url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            ? url
            : null;
}
