using System.Diagnostics;
using OpenTelemetry;

namespace AlloIndustrie.ServiceDefaults.Telemetry;

/// <summary>
/// A subscriber's manage, confirm and unsubscribe links carry their secret in the path: whoever reads the traces
/// (a collector run by another team, a vendor) could otherwise change or end that subscription. A request matched
/// by such a route is exported with the route in place of its path.
/// </summary>
internal sealed class SecretPathRedaction : BaseProcessor<Activity>
{
    private const string SecretParameter = "{token}";

    public override void OnEnd(Activity data)
    {
        if (data.GetTagItem("http.route") is string route && route.Contains(SecretParameter, StringComparison.Ordinal))
        {
            data.SetTag("url.path", route);
        }
    }
}
