using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.WebFront.Api;

/// <summary>Bound from <c>Allo:Api</c>: the API's rates, each per minute.</summary>
public sealed class ApiOptions
{
    public const string Section = "Allo:Api";

    /// <summary>Requests per verified key.</summary>
    public int OperatorRequestsPerMinute { get; set; } = 120;

    /// <summary>Operators' requests per client, counted before any key is looked up.</summary>
    public int OperatorRequestsPerAddressPerMinute { get; set; } = 600;

    /// <summary>Refused keys per client; past it, 429 without looking the key up.</summary>
    public int RefusedKeysPerAddressPerMinute { get; set; } = 20;

    /// <summary>Public API requests per client.</summary>
    public int PublicRequestsPerAddressPerMinute { get; set; } = 600;

    public static SettingException? Check(ApiOptions options) =>
        SettingRules.AtLeastOne($"{Section}:OperatorRequestsPerMinute", options.OperatorRequestsPerMinute)
        ?? SettingRules.AtLeastOne($"{Section}:OperatorRequestsPerAddressPerMinute", options.OperatorRequestsPerAddressPerMinute)
        ?? SettingRules.AtLeastOne($"{Section}:RefusedKeysPerAddressPerMinute", options.RefusedKeysPerAddressPerMinute)
        ?? SettingRules.AtLeastOne($"{Section}:PublicRequestsPerAddressPerMinute", options.PublicRequestsPerAddressPerMinute);
}
