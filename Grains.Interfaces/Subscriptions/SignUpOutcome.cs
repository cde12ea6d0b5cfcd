using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// What became of a sign-up: the subscription (new or the address's existing one), or the French errors keyed by
/// the contract's field names, or a refusal because too many confirmations went to this address.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SignUpOutcome")]
public sealed record SignUpOutcome(
    [property: Id(0)] string? Id,
    [property: Id(1)] SubscriptionStatus Status,
    [property: Id(2)] string? ManageToken,
    [property: Id(3)] ImmutableDictionary<string, string> Errors,
    [property: Id(4)] TimeSpan? RetryAfter,
    [property: Id(5)] bool UnknownTerritory)
{
    /// <summary>Accepted: <paramref name="manageToken"/> only for a subscription active at once (Web Push).</summary>
    public static SignUpOutcome Accepted(string id, SubscriptionStatus status, string? manageToken) =>
        new(id, status, manageToken, ImmutableDictionary<string, string>.Empty, null, false);

    /// <summary>Refused for invalid fields; nothing was stored or sent.</summary>
    public static SignUpOutcome Invalid(ImmutableDictionary<string, string> errors) => new(null, default, null, errors, null, false);

    /// <summary>Refused for one invalid field.</summary>
    public static SignUpOutcome Invalid(string field, string message) => Invalid(ImmutableDictionary<string, string>.Empty.Add(field, message));

    /// <summary>Refused: this address had its confirmations for the hour or the day.</summary>
    public static SignUpOutcome TooMany(TimeSpan retryAfter) => new(null, default, null, ImmutableDictionary<string, string>.Empty, retryAfter, false);

    /// <summary>No such territory.</summary>
    public static SignUpOutcome NoTerritory { get; } = new(null, default, null, ImmutableDictionary<string, string>.Empty, null, true);
}
