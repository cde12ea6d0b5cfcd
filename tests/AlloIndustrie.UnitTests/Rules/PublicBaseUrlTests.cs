using System.Net;
using AlloIndustrie.WebFront.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Xunit;

namespace AlloIndustrie.UnitTests.Rules;

/// <summary>The phone line and the feeds read one public address, whatever spaces or slashes the setting carries.</summary>
public sealed class PublicBaseUrlTests
{
    private static PublicBaseUrl Of(string? configured, string? allowedHosts = null) =>
        new(Options.Create(new PublicBaseUrl.Options { PublicBaseUrl = configured, AllowedHosts = allowedHosts }));

    private static HttpRequest Request(string host)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "http";
        http.Request.Host = new HostString(host);
        http.Request.Path = "/voice/menu";
        http.Request.QueryString = new QueryString("?step=2");
        http.Connection.LocalIpAddress = IPAddress.Parse("127.0.0.1");
        http.Connection.LocalPort = 5000;
        return http.Request;
    }

    [Theory]
    [InlineData("https://allo.example.test")]
    [InlineData("https://allo.example.test/")]
    [InlineData(" https://allo.example.test/ ")]
    public void Twilio_and_the_feeds_see_the_same_configured_address(string configured)
    {
        var baseUrl = Of(configured);
        var request = Request("10.0.0.5:8080");
        Assert.Equal("https://allo.example.test", baseUrl.For(request));
        Assert.Equal("https://allo.example.test/voice/menu?step=2", baseUrl.OfRequest(request));
        Assert.Equal(("https://allo.example.test", "allo.example.test"), baseUrl.ForEveryone(request));
    }

    [Fact]
    public void Unset_the_phone_line_answers_at_the_requests_own_address_and_the_feeds_only_at_a_trusted_one()
    {
        var request = Request("evil.example:80");
        Assert.Equal("http://evil.example:80", Of("  ").For(request));
        Assert.Equal(("http://127.0.0.1:5000", "127.0.0.1"), Of(null).ForEveryone(request));
        Assert.Equal(("http://127.0.0.1:5000", "127.0.0.1"), Of(null, "allo.example.fr").ForEveryone(request));
        Assert.Equal(("http://allo.example.fr", "allo.example.fr"), Of(null, "allo.example.fr;*").ForEveryone(Request("allo.example.fr")));
    }
}
