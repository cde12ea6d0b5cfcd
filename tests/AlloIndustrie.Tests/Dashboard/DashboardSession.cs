using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>A browser-like HTTP session on the dashboard: its own cookies, no automatic redirects, forms posted with their antiforgery token.</summary>
public sealed partial class DashboardSession : IDisposable
{
    private readonly HttpClient http;
    private readonly CookieJar jar;

    public DashboardSession(Uri baseAddress, TlsProxy? proxy = null)
    {
        Cookies = new CookieContainer();
        jar = new CookieJar(Cookies, overHttps: proxy is not null);
        http = new HttpClient(jar)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (proxy is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", proxy.ClientAddress);
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }
    }

    public CookieContainer Cookies { get; }

    /// <summary>Every <c>Set-Cookie</c> the service sent this session, in order.</summary>
    public IReadOnlyList<string> SetCookies => jar.Received;

    public static async Task<DashboardSession> SignIn(Uri baseAddress, string email, string password, TlsProxy? proxy = null)
    {
        var session = new DashboardSession(baseAddress, proxy);
        var response = await session.TrySignIn(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tableau-de-bord", response.Headers.Location?.OriginalString);
        return session;
    }

    public async Task<HttpResponseMessage> TrySignIn(string email, string password) =>
        await Post("/tableau-de-bord/connexion", new() { ["Email"] = email, ["Password"] = password }, tokenFrom: "/tableau-de-bord/connexion");

    public Task<HttpResponseMessage> Get(string path) => http.GetAsync(path);

    public async Task<string> Html(string path)
    {
        var response = await Get(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form as the browser would, with a token taken from a page the session may see (the home page by default).</summary>
    public async Task<HttpResponseMessage> Post(string path, Dictionary<string, string> fields, string? tokenFrom = "/tableau-de-bord", IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var form = new List<KeyValuePair<string, string>>(fields);
        if (tokenFrom is not null)
        {
            var page = await (await Get(tokenFrom)).Content.ReadAsStringAsync();
            form.Add(new("__RequestVerificationToken", Token(page)));
        }

        form.AddRange(more ?? []);
        return await http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static string Token(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "No antiforgery token in the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<input [^>]*name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
