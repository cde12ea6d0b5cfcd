using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlloIndustrie.Tests.Reports;
using MimeKit;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>What a resident's browser, mail client and a site's systems do, from a test.</summary>
public static class SubscriptionClient
{
    /// <summary>Asks for a challenge and solves it, as a page's script would.</summary>
    public static async Task<(string Challenge, string Nonce)> Proof(HttpClient client, string territory)
    {
        var response = await client.PostAsync($"api/v1/territories/{territory}/subscriptions/challenge", null);
        response.EnsureSuccessStatusCode();
        var challenge = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = challenge["token"]!.GetValue<string>();
        return (token, Proofs.Solve(token, challenge["bits"]!.GetValue<int>()));
    }

    /// <summary>Signs an e-mail address up through the JSON API.</summary>
    public static async Task<HttpResponseMessage> SignUp(HttpClient client, string territory, string email, object? more = null)
    {
        var (challenge, nonce) = await Proof(client, territory);
        var body = new JsonObject { ["channel"] = "email", ["email"] = email, ["challenge"] = challenge, ["nonce"] = nonce };
        if (more is not null)
        {
            foreach (var (key, value) in JsonSerializerNode(more))
            {
                body[key] = value?.DeepClone();
            }
        }

        return await client.PostAsJsonAsync($"api/v1/territories/{territory}/subscriptions", body);
    }

    /// <summary>Signs up, then confirms through the confirmation mail's page, as a resident does.</summary>
    public static async Task Subscribed(HttpClient client, SmtpTestServer smtp, string territory, string email, object? more = null)
    {
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await SignUp(client, territory, email, more)).StatusCode);
        var mail = (await smtp.WaitFor(1, m => IsTo(m, email) && (m.Subject ?? "").StartsWith("Confirmez", StringComparison.Ordinal))).Last();
        var link = Link(mail, "/abonnement/confirmer/");
        var confirmed = await client.PostAsync(link, new FormUrlEncodedContent([]));
        Assert.Equal(System.Net.HttpStatusCode.OK, confirmed.StatusCode);
    }

    public static bool IsTo(MimeMessage mail, string email) =>
        mail.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first link of the mail's text that goes to <paramref name="path"/>, as an absolute URL.</summary>
    public static string Link(MimeMessage mail, string path)
    {
        var text = mail.TextBody ?? "";
        var at = text.IndexOf(path, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No link to {path} in: {text}");
        var start = text.LastIndexOf("http", at, StringComparison.Ordinal);
        var end = text.IndexOfAny([' ', '\r', '\n'], at);
        return text[start..(end < 0 ? text.Length : end)];
    }

    public static async Task<string> Publish(HttpClient operatorClient, string territory, string site, string title, bool exercise = false)
    {
        var response = await operatorClient.PostAsJsonAsync($"api/v1/territories/{territory}/sites/{site}/notices", new
        {
            eventType = "flare",
            nuisances = new[] { "light" },
            title,
            message = "Une flamme est visible au-dessus du site.",
            exercise,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static JsonObject JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();
}
