using System.Net;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>
/// A browser's cookies, kept by hand so that a session can see every <c>Set-Cookie</c> it was sent and, when it
/// stands behind a <see cref="TlsProxy"/>, send secure cookies back as a browser on HTTPS would, although the
/// hop to the service is plain HTTP.
/// </summary>
public sealed class CookieJar(CookieContainer cookies, bool overHttps)
    : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private readonly List<string> received = [];

    /// <summary>Every <c>Set-Cookie</c> received, in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (received)
            {
                return [.. received];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var origin = overHttps ? new UriBuilder(request.RequestUri!) { Scheme = Uri.UriSchemeHttps }.Uri : request.RequestUri!;
        if (cookies.GetCookieHeader(origin) is { Length: > 0 } header)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            lock (received)
            {
                received.Add(setCookie);
            }

            cookies.SetCookies(origin, setCookie);
        }

        return response;
    }
}
