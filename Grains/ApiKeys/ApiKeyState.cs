using AlloIndustrie.Grains.Interfaces.ApiKeys;

namespace AlloIndustrie.Grains.ApiKeys;

/// <summary>An API key's durable state: never the secret, only its SHA-256.</summary>
public sealed class ApiKeyState
{
    public SiteRef? Site { get; set; }
    public string SecretHash { get; set; } = "";
    public string Label { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
