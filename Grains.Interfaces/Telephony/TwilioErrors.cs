using System.Collections.Frozen;

namespace AlloIndustrie.Grains.Interfaces.Telephony;

/// <summary>
/// What Twilio's error codes mean for a subscription (https://www.twilio.com/docs/api/errors), whether they come
/// in the answer to a request or later in a status callback.
/// </summary>
public static class TwilioErrors
{
    /// <summary>The number cannot or will not take our messages: the subscription ends.</summary>
    private static readonly FrozenSet<int> Terminal = FrozenSet.ToFrozenSet(
    [
        21211, // invalid 'To' number
        21214, // 'To' number cannot be reached (calls)
        21217, // the number does not appear valid (calls)
        21401, // invalid phone number
        21407, // this number is not supported
        21610, // the recipient replied STOP to this sender
        21612, // the 'To' number is not reachable by SMS
        21614, // the 'To' number is not a mobile number
        13224, // invalid number (calls)
        30004, // message blocked by the recipient or its carrier
        30005, // unknown destination handset
        30006, // landline or unreachable carrier
    ]);

    /// <summary>
    /// The deployment's own account or sender is at fault, or Twilio is overloaded: every message of the channel
    /// would fail alike, so the channel waits rather than ending anyone's subscription.
    /// </summary>
    private static readonly FrozenSet<int> Passing = FrozenSet.ToFrozenSet(
    [
        20003, // authentication failed
        20005, // account not active
        20429, // too many requests
        21212, // invalid 'From' number
        21215, // calls to this region are not enabled on the account (geographic permissions)
        21216, // the account may not call this number
        21408, // SMS to this region are not enabled on the account (geographic permissions)
        21606, // the 'From' number cannot send SMS
        21611, // the sender's queue of messages is full
        21659, // the 'From' number is not one of the account's
        21703, // the Messaging Service has no number
        30001, // queue overflow
        30002, // account suspended
    ]);

    /// <summary>Whether the code says the number is not a recipient for us, now or ever.</summary>
    public static bool EndsSubscription(int? code) => code is { } c && Terminal.Contains(c);

    /// <summary>Whether the code says to wait and send again.</summary>
    public static bool IsPassing(int? code) => code is { } c && Passing.Contains(c);
}
