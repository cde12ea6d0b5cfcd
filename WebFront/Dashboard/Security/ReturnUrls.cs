using System.Diagnostics.CodeAnalysis;
using AlloIndustrie.WebFront.Hosting;
using AlloIndustrie.WebFront.Voice;

namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>Where signing in leads back to.</summary>
public static class ReturnUrls
{
    private static readonly string[] SignedInAreas = [DashboardExtensions.Root, VoiceRoutes.Simulator, OrleansDashboardExtensions.Path];

    /// <summary>
    /// Only a local path (no other host, no control character) of the signed-in tools (the dashboard, the phone
    /// simulator, Orleans' dashboard): a crafted link must not send a user elsewhere after signing in, nor make the
    /// redirect fail.
    /// </summary>
    public static string Safe(string? returnUrl) =>
        IsLocal(returnUrl) && !returnUrl.Contains("//", StringComparison.Ordinal) && !returnUrl.Contains('\\')
            && SignedInAreas.Any(area => returnUrl == area || returnUrl.StartsWith(area + "/", StringComparison.Ordinal) || returnUrl.StartsWith(area + "?", StringComparison.Ordinal))
            ? returnUrl
            : DashboardExtensions.Root;

    /// <summary>A path of this site: no scheme, no other host (<c>//</c>, <c>/\</c>), no control character.</summary>
    public static bool IsLocal([NotNullWhen(true)] string? url) =>
        url is ['/', ..] && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(char.IsControl);
}
