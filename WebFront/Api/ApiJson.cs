using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlloIndustrie.WebFront.Api;

/// <summary>The JSON of the contract (camelCase, statuses as lower-case words), for HTTP and SignalR alike.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
