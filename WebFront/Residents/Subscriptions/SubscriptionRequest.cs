namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>The body of <c>POST /api/v1/territories/{territory}/subscriptions</c>, as the contract names its fields.</summary>
public sealed record SubscriptionRequest(
    string? Channel,
    string? Email,
    string? Phone,
    PushSubscriptionJson? Push,
    string[]? Communes,
    string[]? Sites,
    bool? Drills,
    string? Lang,
    string? Quiet,
    string? Challenge,
    string? Nonce);

/// <summary>A browser's <c>PushSubscription.toJSON()</c>.</summary>
public sealed record PushSubscriptionJson(string? Endpoint, PushKeysJson? Keys);

/// <summary>The keys of a <see cref="PushSubscriptionJson"/>.</summary>
public sealed record PushKeysJson(string? P256dh, string? Auth);

/// <summary>The body of <c>POST /api/v1/subscriptions/{id}/confirm</c>.</summary>
public sealed record CodeRequest(string? Code);
