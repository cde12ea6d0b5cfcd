using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// What the caller hears next, independent of TwiML: <see cref="Preamble"/> is heard first and cannot be
/// interrupted; <see cref="Menu"/> is heard while keys are listened to, and its answer is posted with
/// <see cref="MenuStep"/>, or without a key after <see cref="WaitSeconds"/> of silence. Without a menu step
/// the call hangs up after the preamble.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CallResponse")]
public sealed record CallResponse(
    [property: Id(0)] ImmutableArray<CallPrompt> Preamble,
    [property: Id(1)] ImmutableArray<CallPrompt> Menu,
    [property: Id(2)] int? MenuStep,
    [property: Id(3)] int WaitSeconds = CallResponse.ShortWaitSeconds)
{
    /// <summary>Silence before the call moves on to the next notice by itself.</summary>
    public const int ShortWaitSeconds = 5;

    /// <summary>Silence before the menu that follows the last notice is said again, then the goodbye: time for an older caller to find a key.</summary>
    public const int LongWaitSeconds = 10;

    public static CallResponse Goodbye(params ImmutableArray<CallPrompt> prompts) => new(prompts, [], null);
}
