using System.Net;

namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

/// <summary>What a push service answered (or <see cref="Status"/> null when it did not answer).</summary>
public sealed record PushResponse(HttpStatusCode? Status, TimeSpan? RetryAfter, string? Error = null)
{
    /// <summary>201 Created, or any 2xx: the push service took the message.</summary>
    public bool Accepted => Status is { } status && (int)status is >= 200 and < 300;

    /// <summary>404 or 410: the subscription is gone for good (RFC 8030 section 7.3).</summary>
    public bool Gone => Status is HttpStatusCode.NotFound or HttpStatusCode.Gone;
}
