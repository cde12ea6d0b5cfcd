using System.Collections.Immutable;
using System.Net;
using AlloIndustrie.ServiceDefaults.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// The service's public address, without trailing slash, read once for every part that writes absolute URLs:
/// the phone line (Twilio signs the URL it called, TwiML links to audio), feeds and CAP documents.
/// </summary>
public sealed class PublicBaseUrl(IOptions<PublicBaseUrl.Options> options)
{
    /// <summary>The configured address (<c>Allo:PublicBaseUrl</c>), or null.</summary>
    public string? Configured { get; } = options.Value.PublicBaseUrl is { } value && !string.IsNullOrWhiteSpace(value)
        ? value.Trim().TrimEnd('/')
        : null;

    /// <summary>
    /// The hosts of <c>AllowedHosts</c> (ASP.NET's host filtering, which refuses the others), without the
    /// catch-all <c>*</c>: a request's <c>Host</c> is believed for cached documents only if it is one of them.
    /// </summary>
    private readonly ImmutableArray<StringSegment> trustedHosts = [.. (options.Value.AllowedHosts ?? "")
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(host => host != "*")
        .Select(host => new StringSegment(host))];

    /// <summary>The configured address, else the one this request was sent to (what Twilio signed, what it fetches next).</summary>
    public string For(HttpRequest request) =>
        Configured ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    /// <summary>The full URL Twilio requested, as it signed it.</summary>
    public string OfRequest(HttpRequest request) =>
        For(request) + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();

    /// <summary>
    /// The address for documents cached and served to everyone (feeds, CAP), from trusted values only, never from
    /// whatever <c>Host</c> a client sends: the configured address; else the request's host if <c>AllowedHosts</c>
    /// lists it; else the address the connection reached. Returns the base URL and its host.
    /// </summary>
    public (string BaseUrl, string Host) ForEveryone(HttpRequest request)
    {
        if (Configured is { } configured && Uri.TryCreate(configured, UriKind.Absolute, out var uri))
        {
            return (configured, uri.Host);
        }

        if (!trustedHosts.IsEmpty && HostString.MatchesAny(request.Host.Host, trustedHosts))
        {
            return ($"{request.Scheme}://{request.Host}{request.PathBase}", request.Host.Host);
        }

        var connection = request.HttpContext.Connection;
        var local = new IPEndPoint(connection.LocalIpAddress ?? IPAddress.Loopback, connection.LocalPort);
        return ($"{request.Scheme}://{local}{request.PathBase}", local.Address.ToString());
    }

    /// <summary>The settings it reads, from the configuration's root (<c>Allo:PublicBaseUrl</c>, <c>AllowedHosts</c>).</summary>
    public sealed class Options
    {
        public const string PublicBaseUrlKey = "Allo:PublicBaseUrl";

        /// <summary>The address the public (and Twilio) reaches this service at, e.g. <c>https://allo.example.fr</c>.</summary>
        public string? PublicBaseUrl { get; set; }

        /// <summary>ASP.NET's host filtering list.</summary>
        public string? AllowedHosts { get; set; }

        /// <summary>Twilio signs the URL it calls, scheme included: an address without one could never match.</summary>
        public static SettingException? Check(Options options) => SettingRules.HttpUrl(PublicBaseUrlKey, options.PublicBaseUrl);
    }
}
