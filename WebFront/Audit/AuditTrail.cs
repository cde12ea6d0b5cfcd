using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Api;

namespace AlloIndustrie.WebFront.Audit;

/// <summary>
/// Appends to the audit trail: who (the signed-in account, or the API key given), when, from which address,
/// what, and the state before and after as JSON.
/// </summary>
public sealed class AuditTrail(IGrainFactory grains, TimeProvider clock)
{
    public const string Anonymous = "anonyme";

    public static string KeyActor(string keyId) => $"clé:{keyId}";

    public Task Changed(HttpContext context, string scope, string action, string target, object? before, object? after, string? actor = null) =>
        Append(context, scope, action, target, before, after, refused: false, actor);

    public Task Refused(HttpContext context, string scope, string action, string target, string reason, string? actor = null) =>
        Append(context, scope, action, target, null, new { refus = reason }, refused: true, actor);

    private Task Append(
        HttpContext context, string scope, string action, string target, object? before, object? after, bool refused, string? actor)
    {
        var now = clock.GetUtcNow();
        var entry = new AuditEntry(
            now,
            actor ?? context.User.FindFirstValue(ClaimTypes.Name) ?? Anonymous,
            context.Connection.RemoteIpAddress?.ToString(),
            action,
            target,
            Json(before),
            Json(after),
            refused);
        return grains.GetGrain<IAuditGrain>(AuditKey.Of(scope, now)).Append(entry);
    }

    // Accents stay readable in the trail; HTML-sensitive characters are still escaped.
    private static readonly JsonSerializerOptions JsonOptions = new(ApiJson.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, JsonOptions);
}
