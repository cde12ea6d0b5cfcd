using System.Globalization;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary><c>--name value</c> pairs; every scenario has defaults sized for a 2-core machine.</summary>
public sealed class Arguments(IReadOnlyDictionary<string, string> values)
{
    public static Arguments Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                values[name] = "true";
            }
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
        }

        return new Arguments(values);
    }

    public string Text(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");

    public int Number(string name, int fallback) =>
        values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public Uri BaseUrl => new(Text("url").TrimEnd('/') + "/");

    public string Territory => Text("territory", "rouen-metropole");

    public DemoCredentials Credentials => DemoCredentials.Read(Text("data"));
}
