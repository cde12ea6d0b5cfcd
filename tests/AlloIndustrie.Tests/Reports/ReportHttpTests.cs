using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Silo.Storage;
using Microsoft.Data.Sqlite;
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

    [Fact]
    public async Task With_lang_en_the_form_its_privacy_note_its_result_pages_and_the_counts_are_in_English()
    {
        using var client = fixture.From(60);
        var page = await client.GetStringAsync($"{LeHavre}?lang=en");
        var section = page[page.IndexOf("<section class=\"reports\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Report something", section);
        Assert.Contains("What you perceive", section);
        Assert.Contains("A light, a flame", section);
        Assert.Contains("Send my report", section);
        Assert.Contains("Your report is anonymous: we ask for no name or address", section);
        Assert.Contains($"action=\"/{LeHavre}/signaler?lang=en\"", section);
        Assert.Contains("data-say-sending=\"Sending: your browser", section);
        AssertEnglish(section);

        var fields = new Dictionary<string, string> { ["kind"] = "smoke", ["commune"] = "Harfleur", ["ago"] = "0", ["text"] = "" };
        var confirm = await (await client.PostAsync($"{LeHavre}/signaler?lang=en", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Confirm my report</h1>", confirm);
        AssertEnglish(Main(confirm));

        fields["challenge"] = Hidden().Match(confirm) is { Success: true } token ? WebUtility.HtmlDecode(token.Groups["challenge"].Value) : throw new InvalidOperationException(confirm);
        var done = await (await client.PostAsync($"{LeHavre}/signaler?lang=en", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Report recorded</h1>", done);
        Assert.Contains("Thank you, your report has been recorded.", done);
        AssertEnglish(Main(done));

        var again = await client.PostAsync($"{LeHavre}/signaler?lang=en", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var refused = await again.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Report not recorded</h1>", refused);
        Assert.Contains("Your report could not be checked. Please send it again.", refused);
        AssertEnglish(Main(refused));

        var counts = await client.GetStringAsync($"{LeHavre}/signalements?lang=en");
        Assert.Contains("<h1>Reports of the last 24 hours</h1>", counts);
        Assert.Contains("<th scope=\"col\">Smoke</th>", counts);
        AssertEnglish(Main(counts));

        static string Main(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

        // No French word of the reports, and no French typography (a space before a colon, guillemets).
        // Operators' titles of the notices that explain the report are theirs, in French.
        static void AssertEnglish(string html)
        {
            var text = Tags().Replace(Explanations().Replace(html, ""), " ");
            foreach (var french in new[] { "Je signale", "signalement", "Signalement", "Envoyer", "Votre", "Ce que vous", "Commune trouvée", " :", "\u00A0:", "«", "»" })
            {
                Assert.DoesNotContain(french, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Without_script_a_report_sent_at_once_is_held_for_the_wait_the_desk_asked_and_never_refused_as_too_quick()
    {
        for (var i = 0; i < 8; i++)
        {
            using var client = fixture.From(41 + (i / 4));
            var fields = new Dictionary<string, string> { ["kind"] = "other", ["commune"] = "Montivilliers", ["ago"] = "0" };
            var html = await (await client.PostAsync($"{LeHavre}/signaler", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
            fields["challenge"] = WebUtility.HtmlDecode(Hidden().Match(html).Groups["challenge"].Value);

            // What the client says about the wait is not believed: a far "ready" neither holds the request nor hurries it.
            fields["ready"] = DateTimeOffset.UtcNow.AddSeconds(i % 2 == 0 ? 30 : -30).ToString("O");
            var started = DateTime.UtcNow;
            var done = await client.PostAsync($"{LeHavre}/signaler", new FormUrlEncodedContent(fields));
            var answer = await done.Content.ReadAsStringAsync();
            Assert.True(done.StatusCode == HttpStatusCode.OK, answer);
            Assert.Contains("Signalement enregistré", answer);
            Assert.DoesNotContain("trop rapide", answer);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task A_position_report_lands_on_the_nearest_commune_and_nothing_finer_is_stored_or_logged()
    {
        using var client = fixture.From(15);

        // A street of Rouen's right bank, 1.5 km from the centre of Rouen and further from every other commune's.
        const double latitude = 49.45123, longitude = 1.11297;
        var rounded = ReportLocation.Round(latitude, longitude);
        var located = await client.PostAsJsonAsync($"api/v1/territories/{Rouen}/reports/locate", new { latitude = rounded.Latitude, longitude = rounded.Longitude });
        Assert.Equal(HttpStatusCode.OK, located.StatusCode);
        Assert.Equal("Rouen", (await located.Content.ReadFromJsonAsync<JsonObject>())!["commune"]!.GetValue<string>());

        // A client that does not round is rounded by the server all the same.
        var (token, nonce) = await ReportClient.Solve(client, Rouen);
        var response = await ReportClient.Send(client, Rouen, new { kind = "light", latitude, longitude, text = "Lueur au-dessus du port", challenge = token, nonce });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Rouen", (await response.Content.ReadFromJsonAsync<JsonObject>())!["commune"]!.GetValue<string>());
        var recent = (await client.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Rouen}/reports/recent"))!;
        Assert.Contains(recent, c => c!["commune"]!.GetValue<string>() == "Rouen" && c["kind"]!.GetValue<string>() == "light");

        // In storage, the desk's tallies and the cluster's window hold the commune and nothing finer.
        var stored = await StoredStates();
        var tallies = stored.Select(state => state["tallies"]).OfType<JsonArray>().SelectMany(t => t).ToList();
        Assert.Contains(tallies, t => t!["commune"]?.GetValue<string>() == "Rouen" && t["kind"]!.GetValue<string>() == "light");
        Assert.All(tallies, t => Assert.Equal(["at", "commune", "kind"], t!.AsObject().Select(p => p.Key).Order()));
        var window = stored.Select(state => state["reports"]).OfType<JsonArray>().SelectMany(r => r).OfType<JsonObject>()
            .Single(r => r["text"]?.GetValue<string>() == "Lueur au-dessus du port");
        Assert.Equal("Rouen", window["commune"]!.GetValue<string>());
        Assert.Equal(["commune", "id", "occurredAt", "sourceToken", "text"], window.Select(p => p.Key).Order());

        // Neither the position sent nor its rounding appears anywhere in storage or in the processes' logs.
        var everything = string.Join('\n', stored.Select(state => state.ToJsonString())) + fixture.Service.Logs;
        Assert.DoesNotMatch(PositionDigits(), everything);
        Assert.All([latitude, longitude, rounded.Latitude, rounded.Longitude], value => Assert.Matches(PositionDigits(), value.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Impossible_or_distant_positions_get_a_French_problem_and_change_nothing()
    {
        using var client = fixture.From(16);
        var before = await client.GetStringAsync($"api/v1/territories/{LeHavre}/reports/recent");
        var locate = $"api/v1/territories/{LeHavre}/reports/locate";

        var outside = await client.PostAsJsonAsync(locate, new { latitude = 49.4431, longitude = 1.0993 });
        Assert.StartsWith("Cette position est hors du territoire", await Title(outside, "position"));
        Assert.StartsWith("Position impossible", await Title(await client.PostAsJsonAsync(locate, new { latitude = 91.0, longitude = 0.1 }), "position"));
        Assert.StartsWith("Position impossible", await Title(await client.PostAsJsonAsync(locate, new { latitude = 49.5 }), "position"));

        // The API's JSON reads "NaN" in a string and an overflowing number as infinity: both must be refused.
        foreach (var json in new[] { "{\"latitude\":\"NaN\",\"longitude\":0.1}", "{\"latitude\":49.5,\"longitude\":-1e999}" })
        {
            Assert.StartsWith("Position impossible", await Title(await client.PostAsync(locate, new StringContent(json, Encoding.UTF8, "application/json")), "position"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("api/v1/territories/nulle-part/reports/locate", new { latitude = 49.5, longitude = 0.1 })).StatusCode);

        var (token, nonce) = await ReportClient.Solve(client, LeHavre);
        Assert.StartsWith("Cette position est hors du territoire", await Title(
            await ReportClient.Send(client, LeHavre, new { kind = "odour", latitude = 49.4431, longitude = 1.0993, challenge = token, nonce }), "position"));
        await AssertField(await ReportClient.Send(client, LeHavre, new { kind = "odour", latitude = 49.5, longitude = -200.0, challenge = token, nonce }), "position");
        await AssertField(await client.PostAsync($"api/v1/territories/{LeHavre}/reports", new StringContent(
            $"{{\"kind\":\"odour\",\"latitude\":\"NaN\",\"longitude\":0.1,\"challenge\":\"{token}\",\"nonce\":\"{nonce}\"}}", Encoding.UTF8, "application/json")), "position");
        await AssertField(await ReportClient.Send(client, LeHavre, new { kind = "odour", commune = "Harfleur", latitude = 49.506, longitude = 0.198, challenge = token, nonce }), "position");

        Assert.Equal(before, await client.GetStringAsync($"api/v1/territories/{LeHavre}/reports/recent"));
    }

    [Fact]
    public async Task A_form_over_its_limit_says_when_to_try_again_as_the_API_does()
    {
        using var client = fixture.From(17);
        for (var i = 0; i < ReportsFixture.PerClientPerHour; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await ReportClient.Report(client, LeHavre, "other", "Montivilliers")).StatusCode);
        }

        var api = await ReportClient.Report(client, LeHavre, "other", "Montivilliers");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        var fields = new Dictionary<string, string> { ["kind"] = "other", ["commune"] = "Montivilliers", ["ago"] = "0", ["text"] = "" };
        var confirm = await (await client.PostAsync($"{LeHavre}/signaler", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        fields["challenge"] = Hidden().Match(confirm) is { Success: true } token ? WebUtility.HtmlDecode(token.Groups["challenge"].Value) : throw new InvalidOperationException(confirm);
        var form = await client.PostAsync($"{LeHavre}/signaler", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Equal(api.Headers.RetryAfter?.Delta, form.Headers.RetryAfter?.Delta);

        // Sign-ups count every attempt, even one whose challenge is refused: the form's eleventh is refused as the API's is.
        using var signing = fixture.From(18);
        using var scripted = fixture.From(19);
        var signUp = new Dictionary<string, string> { ["email"] = "riverain@example.org", ["challenge"] = "inconnu" };
        HttpResponseMessage formSignUp = null!, apiSignUp = null!;
        for (var i = 0; i <= 10; i++)
        {
            formSignUp = await signing.PostAsync($"{Rouen}/abonnement", new FormUrlEncodedContent(signUp));
            apiSignUp = await scripted.PostAsJsonAsync($"api/v1/territories/{Rouen}/subscriptions", new { channel = "email", email = "riverain@example.org", challenge = "inconnu", nonce = "0" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, apiSignUp.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, formSignUp.StatusCode);
        Assert.NotNull(apiSignUp.Headers.RetryAfter?.Delta);
        Assert.Equal(apiSignUp.Headers.RetryAfter?.Delta, formSignUp.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_sign_up_refused_for_one_field_has_its_message_as_title_as_a_report_does()
    {
        using var client = fixture.From(20);
        var email = await Title(await client.PostAsJsonAsync($"api/v1/territories/{Rouen}/subscriptions", new { channel = "email", email = "pas-une-adresse", challenge = "x", nonce = "0" }), "email");
        Assert.StartsWith("L’adresse e-mail n’est pas valide", email);
        Assert.StartsWith("Le délai de sécurité a expiré", await Title(
            await client.PostAsJsonAsync($"api/v1/territories/{Rouen}/subscriptions", new { channel = "email", email = "riverain@example.org", challenge = "x", nonce = "0" }), "challenge"));
        Assert.StartsWith("Le code de confirmation a 6 chiffres", await Title(await client.PostAsJsonAsync($"api/v1/subscriptions/{new string('a', 32)}/confirm", new { code = "12" }), "code"));
    }

    [Fact]
    public async Task The_alerts_hub_and_page_are_for_signed_in_accounts_only()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Service.BaseAddress };
        var negotiate = await client.PostAsync("tableau-de-bord/alertes/direct/negotiate?negotiateVersion=1", null);
        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.True(negotiate.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, negotiate.StatusCode.ToString());

        var page = await client.GetAsync("tableau-de-bord/alertes");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/tableau-de-bord/connexion", page.Headers.Location?.AbsolutePath);
    }

    private static async Task AssertField(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(body)!["errors"]![field]);
    }

    /// <summary>The French message of a 400 about one field, which is also the problem's title.</summary>
    private static async Task<string> Title(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var problem = JsonNode.Parse(body)!;
        var error = problem["errors"]![field]![0]!.GetValue<string>();
        Assert.Equal(error, problem["title"]!.GetValue<string>());
        return error;
    }

    /// <summary>Every grain state the service stored, as JSON, read from its SQLite file.</summary>
    private async Task<List<JsonObject>> StoredStates()
    {
        var path = Path.Combine(fixture.Service.DataDirectory, StorageOptions.SqliteFileName);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var states = new List<JsonObject>();
        while (await reader.ReadAsync())
        {
            if (JsonNode.Parse((byte[])reader[0]) is JsonObject state)
            {
                states.Add(state);
            }
        }

        return states;
    }

    // The position of the test above, sent or rounded, as a number in JSON or text: 49.450…/49.451… and 1.11…
    // (Rouen's nearest stored coordinate is a site's 49.4457; timestamps' "51.11…" are not numbers of their own).
    [GeneratedRegex(@"(?<![\d.])(49\.45[01]\d|1\.11\d)")]
    private static partial Regex PositionDigits();

    [GeneratedRegex("name=\"challenge\" value=\"(?<challenge>[^\"]+)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<ul class=\"report-explanations\">.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex Explanations();
}
