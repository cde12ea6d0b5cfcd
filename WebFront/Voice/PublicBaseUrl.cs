using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>The service's public address, without trailing slash: configured, or the request's own.</summary>
public sealed class PublicBaseUrl(IOptionsMonitor<VoiceOptions> options)
{
    /// <summary>The configured address (<c>Allo:PublicBaseUrl</c>), or null.</summary>
    public string? Configured => options.CurrentValue.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : null;

    public string For(HttpRequest request) =>
        Configured ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    /// <summary>The full URL Twilio requested, as it signed it.</summary>
    public string OfRequest(HttpRequest request) =>
        For(request) + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
}
