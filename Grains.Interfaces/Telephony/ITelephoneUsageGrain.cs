namespace AlloIndustrie.Grains.Interfaces.Telephony;

/// <summary>A territory's SMS segments and call minutes in one month (keyed by <see cref="TelephoneUsage.Key"/>), for its cost statistics.</summary>
[Alias("AlloIndustrie.ITelephoneUsageGrain")]
public interface ITelephoneUsageGrain : IGrainWithStringKey
{
    /// <summary>Counts an SMS Twilio took, of <paramref name="segments"/> segments.</summary>
    [Alias("AddSms")]
    Task AddSms(int segments);

    /// <summary>Counts a call that was answered and lasted <paramref name="duration"/>.</summary>
    [Alias("AddCall")]
    Task AddCall(TimeSpan duration);

    /// <summary>The month's figures so far.</summary>
    [Alias("Get")]
    Task<TelephoneUsage> Get();
}
