namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// The calls placed to one subscriber about one notice version, keyed by <see cref="CallOut.Key"/>: it places the
/// call at most once for the version (a delivery resumed after a crash finds it placed), tries again twice, ten
/// minutes apart, when nobody answered or the line was busy, and counts the minutes of the calls that went through.
/// </summary>
[Alias("AlloIndustrie.ICallOutGrain")]
public interface ICallOutGrain : IGrainWithStringKey
{
    /// <summary>
    /// Twilio's status callback for the call <paramref name="callSid"/>: a final status (<c>completed</c>,
    /// <c>busy</c>, <c>no-answer</c>, <c>failed</c>, <c>canceled</c>) with the call's length when it was answered.
    /// </summary>
    [Alias("StatusChanged")]
    Task StatusChanged(string callSid, string callStatus, TimeSpan? duration);
}
