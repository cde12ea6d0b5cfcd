namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>A confirmation (link, code, or manage link) its channel refused for now, with what its text needs.</summary>
public sealed record UnsentConfirmation(string TerritoryName, DateTimeOffset Since);
