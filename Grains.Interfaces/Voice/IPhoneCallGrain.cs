namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// One phone call, keyed by Twilio's <c>CallSid</c>. It holds the caller's place in the list of notices
/// as it stood when the call started, answers every webhook of the call, and ends itself after the call.
/// Every menu answer carries a step number, so that a webhook Twilio retries, or one that arrives late,
/// gets the same answer again and changes nothing.
/// </summary>
[Alias("AlloIndustrie.IPhoneCallGrain")]
public interface IPhoneCallGrain : IGrainWithStringKey
{
    /// <summary>
    /// The dashboard's phone simulator keys its calls with this prefix (Twilio's start with <c>CA</c>): the line
    /// answers them as any call, but they count in no statistics, no listens, and file no report.
    /// </summary>
    public const string SimulatedPrefix = "SIM";

    /// <summary>
    /// The call reached a territory's number: greeting, count of notices, first notice. <paramref name="caller"/>
    /// is Twilio's <c>From</c> (absent, <c>anonymous</c> or a placeholder when the number is withheld): the number key 5
    /// subscribes. <paramref name="baseUrl"/> is the public address Twilio called, for the links of that subscription.
    /// </summary>
    [Alias("Answer")]
    Task<CallResponse> Answer(string territory, string? caller = null, Uri? baseUrl = null);

    /// <summary>
    /// The caller pressed <paramref name="digits"/> (null or empty when no key was pressed) in answer to
    /// the menu of <paramref name="step"/>.
    /// </summary>
    [Alias("Choose")]
    Task<CallResponse> Choose(string territory, int step, string? digits);

    /// <summary>
    /// A call the service placed to a subscriber was answered: the notice of <paramref name="callOut"/> is played with
    /// a menu of its own (1 repeat, 9 unsubscribe), or, for an answering machine (<paramref name="machine"/>), played
    /// once before the hang-up.
    /// </summary>
    [Alias("AnswerCallOut")]
    Task<CallResponse> AnswerCallOut(CallOut callOut, bool machine);

    /// <summary>The subscriber pressed <paramref name="digits"/> in a call-out's menu of <paramref name="step"/>.</summary>
    [Alias("ChooseCallOut")]
    Task<CallResponse> ChooseCallOut(CallOut callOut, int step, string? digits);

    /// <summary>Twilio's status callback: a final status ends the call.</summary>
    [Alias("StatusChanged")]
    Task StatusChanged(string callStatus, TimeSpan? duration);
}
