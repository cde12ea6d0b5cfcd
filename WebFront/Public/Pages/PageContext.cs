using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Public.Localization;

namespace AlloIndustrie.WebFront.Public.Pages;

/// <summary>What every component of a page needs: its language, the time it shows, and how to link within the site.</summary>
public sealed record PageContext(Texts T, DateTimeOffset Now, string Path, PublicSiteOptions Options)
{
    public bool English => T.Language == Language.English;

    /// <summary>Set while storage does not answer: what the page shows was last confirmed then.</summary>
    public DateTimeOffset? LastConfirmedAt { get; init; }

    /// <summary>A link to another public page, keeping the reader's language.</summary>
    public string Link(string path) => English ? $"{path}?lang=en" : path;

    /// <summary>The same page in the other language.</summary>
    public string OtherLanguageLink => English ? Path : $"{Path}?lang=en";

    public string Time(DateTimeOffset at) => ParisTime.Of(at).ToString("HH:mm", T.Culture);

    public string DateTime(DateTimeOffset at) => ParisTime.Of(at).ToString(T.DateTimeFormat, T.Culture);

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
