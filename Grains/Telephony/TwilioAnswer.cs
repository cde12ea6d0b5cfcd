using System.Net;
using AlloIndustrie.Grains.Interfaces.Telephony;
using AlloIndustrie.Grains.Subscriptions.Channels;

namespace AlloIndustrie.Grains.Telephony;

/// <summary>
/// Twilio's answer to creating a message or a call: the resource's SID and status when it was accepted (201), or
/// the error Twilio documents (<c>{ code, message, more_info, status }</c>), or no answer at all.
/// </summary>
/// <param name="HttpStatus">The HTTP status, null when Twilio could not be reached or did not answer in time.</param>
/// <param name="Sid">The message's (<c>SM…</c>, <c>MM…</c>) or call's (<c>CA…</c>) SID.</param>
/// <param name="Status">The resource's status (<c>queued</c>, <c>accepted</c>…).</param>
/// <param name="ErrorCode">Twilio's error code (21610…), if any.</param>
/// <param name="Error">Twilio's error message, or what went wrong on the way.</param>
/// <param name="RetryAfter">Twilio's <c>Retry-After</c>, if it gave one.</param>
/// <param name="Segments">For a message, the segments Twilio counted (<c>num_segments</c>).</param>
public sealed record TwilioAnswer(
    int? HttpStatus,
    string? Sid,
    string? Status,
    int? ErrorCode,
    string? Error,
    TimeSpan? RetryAfter,
    int? Segments = null)
{
    /// <summary>Whether Twilio took the message or call.</summary>
    public bool Accepted => HttpStatus is >= 200 and < 300;

    /// <summary>
    /// What the delivery does with it: sent; the subscription ended (a number that is not, or no longer, one we
    /// may send to); retried later (Twilio unreachable or overloaded, or the deployment's account or sender
    /// refused, which no subscriber is to blame for); or this one message failed (a refusal that sending again
    /// would not change).
    /// </summary>
    public SendOutcome Outcome()
    {
        if (Accepted)
        {
            return SendOutcome.Sent;
        }

        var reason = HttpStatus is { } status ? $"Twilio answered {status}{(ErrorCode is { } code ? $" (error {code})" : "")}" : $"Twilio unreachable: {Error}";
        if (TwilioErrors.EndsSubscription(ErrorCode))
        {
            return SendOutcome.Ended(reason);
        }

        return HttpStatus is null or (int)HttpStatusCode.TooManyRequests or >= 500 or (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound
            || TwilioErrors.IsPassing(ErrorCode)
            ? SendOutcome.RetryLater(RetryAfter, reason)
            : SendOutcome.Failed(reason);
    }
}
