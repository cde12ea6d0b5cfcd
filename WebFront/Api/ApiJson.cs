using System.Text.Json;
using AlloIndustrie.Grains.Interfaces;

namespace AlloIndustrie.WebFront.Api;

/// <summary>The JSON of the contract (camelCase, statuses as lower-case words), for HTTP and SignalR alike: the one webhooks send too.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options => ContractJson.Options;

    public static JsonSerializerOptions Configure(JsonSerializerOptions options) => ContractJson.Configure(options);
}
