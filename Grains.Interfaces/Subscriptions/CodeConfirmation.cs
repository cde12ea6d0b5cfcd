namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>What became of a confirmation code typed by a subscriber (SMS, voice).</summary>
/// <param name="Confirmed">The code was right: the subscription is active.</param>
/// <param name="TriesLeft">After a wrong code, how many more may be tried; at 0 a pending subscription is gone.</param>
/// <param name="ManageToken">Once confirmed, the manage link's token.</param>
/// <param name="Known">False when no subscription waits for a code here (unknown, deleted, or out of tries before).</param>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CodeConfirmation")]
public sealed record CodeConfirmation(
    [property: Id(0)] bool Confirmed,
    [property: Id(1)] int TriesLeft,
    [property: Id(2)] string? ManageToken,
    [property: Id(3)] bool Known = true)
{
    /// <summary>Tries a subscription's codes have, together.</summary>
    public const int Tries = 5;

    /// <summary>No subscription waits for a code here (unknown, deleted, or out of tries).</summary>
    public static CodeConfirmation Gone { get; } = new(false, 0, null, false);
}
