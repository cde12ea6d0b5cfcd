using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Voice;

/// <summary>The silo's side of <see cref="ICallOutGrain"/>: the voice channel asks it to place the call of one version.</summary>
[Alias("AlloIndustrie.ICallOutPlacement")]
public interface ICallOutPlacement : IGrainWithStringKey
{
    /// <summary>
    /// Places the call unless it was placed already for this version (then <see cref="SendOutcome.Sent"/> again, and
    /// nobody is called twice); Twilio's refusal comes back as the delivery's outcome.
    /// </summary>
    [Alias("Place")]
    Task<SendOutcome> Place(CallOutOrder order);
}

/// <summary>What a call-out needs to place its call, now and for its retries.</summary>
/// <param name="CallOut">The subscription's token, the notice and its version.</param>
/// <param name="Territory">The notice's territory, whose number the call comes from.</param>
/// <param name="ProtectedContact">The number, encrypted as the subscription keeps it.</param>
/// <param name="BaseUrl">The public address Twilio calls back.</param>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CallOutOrder")]
public sealed record CallOutOrder(
    [property: Id(0)] CallOut CallOut,
    [property: Id(1)] string Territory,
    [property: Id(2)] string ProtectedContact,
    [property: Id(3)] Uri BaseUrl);
