namespace AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;

/// <summary>
/// The origins push endpoints may have (<see cref="WebPushOptions.PushOrigins"/>): the server only ever posts to a
/// push service the deployment chose, never to an address a visitor typed.
/// </summary>
public sealed class PushOrigins
{
    private readonly (string Scheme, string Host, int Port, bool Subdomains)[] origins;

    private PushOrigins((string, string, int, bool)[] origins) => this.origins = origins;

    /// <summary>Reads the comma-separated list; throws <see cref="FormatException"/> on an entry that is not an origin.</summary>
    public static PushOrigins Parse(string list)
    {
        var parsed = new List<(string, string, int, bool)>();
        foreach (var entry in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var subdomains = entry.Contains("://*.", StringComparison.Ordinal);
            var text = subdomains ? entry.Replace("://*.", "://", StringComparison.Ordinal) : entry;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var origin) || origin.Scheme is not ("https" or "http")
                || origin.AbsolutePath != "/" || origin.Query.Length > 0 || origin.UserInfo.Length > 0)
            {
                throw new FormatException($"« {entry} » n’est pas une origine (https://hôte[:port]).");
            }

            parsed.Add((origin.Scheme, origin.IdnHost, origin.Port, subdomains));
        }

        return new PushOrigins([.. parsed]);
    }

    /// <summary>Whether <paramref name="endpoint"/> is at one of the origins (same scheme, host and port).</summary>
    public bool Allows(Uri endpoint) => origins.Any(o =>
        o.Scheme == endpoint.Scheme && o.Port == endpoint.Port
        && (string.Equals(o.Host, endpoint.IdnHost, StringComparison.OrdinalIgnoreCase)
            || (o.Subdomains && endpoint.IdnHost.EndsWith("." + o.Host, StringComparison.OrdinalIgnoreCase))));
}
