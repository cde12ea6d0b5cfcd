namespace AlloIndustrie.WebFront.Api;

/// <summary>A territory as <c>GET /api/v1/territories</c> lists it; the retention is an ISO 8601 duration.</summary>
public sealed record TerritoryDto(string Slug, string Name, IReadOnlyList<string> PhoneNumbers, string Retention);
