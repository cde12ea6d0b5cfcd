using System.Text.Json.Serialization;

namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>A subscription signed up or confirmed: <c>active</c> with the link to manage it, or <c>pending</c> until confirmed.</summary>
public sealed record SubscriptionAnswer(
    string Id,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ManageUrl = null);
