using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace AlloIndustrie.Tests.Reports;

/// <summary>The report endpoints of the real processes, each test from its own loopback address.</summary>
[Collection(ReportsCollection.Name)]
public sealed partial class ReportHttpTests(ReportsFixture fixture)
{
    private const string Rouen = "rouen-metropole";
    private const string LeHavre = "le-havre-seine";

    [Fact]
    public async Task Impossible_reports_get_a_problem_naming_the_field()
    {
        using var client = fixture.From(10);
        var unknown = await client.PostAsync("api/v1/territories/nulle-part/reports/challenge", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await client.PostAsync($"api/v1/territories/{Rouen}/reports", new StringContent("kind=odour", Encoding.UTF8, "application/x-www-form-urlencoded"))).StatusCode);
        await AssertField(await client.PostAsync($"api/v1/territories/{Rouen}/reports", new StringContent("nonsense", Encoding.UTF8, "application/json")), "body");
        await AssertField(await ReportClient.Send(client, Rouen, new { kind = "odour", commune = "Rouen", occurredAt = "2026-11-23T14:30:00" }), "occurredAt");

        // A challenge is spent only by an accepted report: one serves every refusal below.
        var (token, nonce) = await ReportClient.Solve(client, Rouen);
        await AssertField(await ReportClient.Send(client, Rouen, new { kind = "odour", commune = "Rouen", challenge = token, nonce = "x" }), "proof");
        await AssertField(await ReportClient.Send(client, Rouen, new { kind = "odour", commune = "Paris", challenge = token, nonce }), "commune");
        await AssertField(await ReportClient.Send(client, Rouen, new { kind = "fire", commune = "Rouen", challenge = token, nonce }), "kind");
        await AssertField(await ReportClient.Send(client, Rouen, new { kind = "odour", commune = "Rouen", occurredAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O"), challenge = token, nonce }), "occurredAt");
        await AssertField(await ReportClient.Send(client, Rouen, new { kind = "odour", commune = "Rouen", text = new string('a', 281), challenge = token, nonce }), "text");
    }

    [Fact]
    public async Task A_client_over_its_hourly_limit_gets_429_and_others_do_not()
    {
        using var client = fixture.From(11);
        for (var i = 0; i < ReportsFixture.PerClientPerHour; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await ReportClient.Report(client, LeHavre, "other", "Montivilliers")).StatusCode);
        }

        var refused = await ReportClient.Report(client, LeHavre, "other", "Montivilliers");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("réessayez", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());

        using var neighbour = fixture.From(12);
        Assert.Equal(HttpStatusCode.Created, (await ReportClient.Report(neighbour, LeHavre, "other", "Montivilliers")).StatusCode);
    }

    [Fact]
    public async Task A_report_explained_by_a_notice_links_to_it_and_is_counted_per_commune()
    {
        var id = await ReportClient.Publish(fixture.Service, Rouen, "depot-rouen-port", "steam", ["smoke"], "Panache de vapeur");
        using var client = fixture.From(13);
        var response = await ReportClient.Report(client, Rouen, "smoke", "Canteleu");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("C’est probablement expliqué par", answer["message"]!.GetValue<string>());
        var explanation = Assert.Single(answer["explanations"]!.AsArray())!;
        Assert.Equal(id, explanation["noticeId"]!.GetValue<string>());
        Assert.Equal($"/{Rouen}/notices/{id}", explanation["url"]!.GetValue<string>());

        var recent = (await client.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Rouen}/reports/recent"))!;
        Assert.Contains(recent, c => c!["commune"]!.GetValue<string>() == "Canteleu" && c["kind"]!.GetValue<string>() == "smoke");
        var page = await client.GetStringAsync($"{Rouen}/signalements");
        Assert.Contains("<tr data-commune=\"Canteleu\"><th scope=\"row\">Canteleu</th>", page);
    }

    [Fact]
    public async Task Without_script_the_form_asks_for_a_confirmation_that_waits_and_escapes_what_was_typed()
    {
        using var client = fixture.From(14);
        var fields = new Dictionary<string, string>
        {
            ["kind"] = "light",
            ["commune"] = "Harfleur",
            ["ago"] = "5",
            ["text"] = "<script>alert('x')</script> lueur orange",
        };
        var confirm = await client.PostAsync($"{LeHavre}/signaler", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("Confirmer mon signalement", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; lueur orange", html);

        fields["challenge"] = Hidden().Match(html) is { Success: true } token ? WebUtility.HtmlDecode(token.Groups["challenge"].Value) : throw new InvalidOperationException(html);
        fields["ready"] = WebUtility.HtmlDecode(Ready().Match(html).Groups["ready"].Value);
        var started = DateTime.UtcNow;
        var done = await client.PostAsync($"{LeHavre}/signaler", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Signalement enregistré", await done.Content.ReadAsStringAsync());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));

        // The same challenge twice is refused: the form comes back with the message.
        var again = await client.PostAsync($"{LeHavre}/signaler", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Signalement non enregistré", await again.Content.ReadAsStringAsync());
    }

    private static async Task AssertField(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(body)!["errors"]![field]);
    }

    [GeneratedRegex("name=\"challenge\" value=\"(?<challenge>[^\"]+)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("name=\"ready\" value=\"(?<ready>[^\"]+)\"")]
    private static partial Regex Ready();
}
