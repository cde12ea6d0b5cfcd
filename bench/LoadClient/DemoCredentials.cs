using System.Text.Json;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>The parts of <c>{data}/demo-credentials.json</c> the benchmarks use.</summary>
public sealed record DemoCredentials(Dictionary<string, string> ApiKeys, string TwilioAuthToken)
{
    public static DemoCredentials Read(string dataDirectory) =>
        JsonSerializer.Deserialize<DemoCredentials>(
            File.ReadAllText(Path.Combine(dataDirectory, "demo-credentials.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException("demo-credentials.json is empty");

    /// <summary>The territory's sites that have a key, so that publications can be spread over them.</summary>
    public IReadOnlyList<(string Site, string Key)> SitesOf(string territory) =>
        [.. ApiKeys.Where(pair => pair.Key.StartsWith(territory + "/", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (pair.Key[(territory.Length + 1)..], pair.Value))];
}
