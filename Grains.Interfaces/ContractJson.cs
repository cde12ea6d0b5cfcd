using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlloIndustrie.Grains.Interfaces;

/// <summary>The JSON of the contract (camelCase, statuses as lower-case words): the API's, SignalR's and the webhooks'.</summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
