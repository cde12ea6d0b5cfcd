using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AlloIndustrie.Silo.Storage;
using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Voice;
using Microsoft.Data.Sqlite;
using Xunit;

namespace AlloIndustrie.Tests.Resilience;

/// <summary>
/// A notice whose text holds characters no document may carry, as a version from before the text rules could have
/// stored it, is served by the real processes on every channel without breaking one: the page, the JSON, the Atom
/// and CAP feeds, its CAP alert and the phone line's TwiML.
/// </summary>
public sealed partial class BadStoredTextTests
{
    private const string Territory = "le-havre-seine";
    private const string Site = "terminal-methanier";
    private const string PublicBaseUrl = "https://allo.example.test";
    private const string AuthToken = "test-auth-token-0123456789abcdef";
    private const string TitleMarker = "MARQUEURTITRE7F3A";
    private const string MessageMarker = "MARQUEURMESSAGE7F3A";

    // As stored JSON writes them: escapes of C0 controls (with an ANSI sequence), DEL, a C1 control and a noncharacter.
    private const string BadTitle = @"Fuite \u0001\u0007\u001B[2J\u007F\u0085\uFFFF fin";
    private const string BadMessage = @"Gaz\u0000 visible\u000B\u000C\uFFFE.";

    [Fact]
    public async Task A_notice_stored_with_control_characters_is_served_on_every_channel_without_breaking_it()
    {
        await using var service = new RunningService(new Dictionary<string, string>
        {
            ["Allo__PublicBaseUrl"] = PublicBaseUrl,
            ["Allo__Twilio__AuthToken"] = AuthToken,

            // No audio ever: the phone line reads the stored text itself.
            ["Allo__Speech__EspeakPath"] = "/nonexistent/espeak-ng",
        });
        await service.Start();
        string id;
        using (var client = service.Operator(Territory, Site))
        {
            var published = await client.PostAsJsonAsync($"api/v1/territories/{Territory}/sites/{Site}/notices", new
            {
                eventType = "smoke",
                nuisances = new[] { "smoke" },
                title = TitleMarker,
                message = MessageMarker,
            });
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
            id = (await published.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }

        Assert.True(service.TerminateAll(TimeSpan.FromSeconds(30)), service.Logs);
        Assert.True(await Corrupt(service) >= 2, "the notice's own state and the territory's index both hold its text");
        await service.Start();

        var http = service.Http;
        var page = await Get(http, Territory, "text/html");
        Assert.Contains($"data-notice-id=\"{id}\"", page);
        Assert.Contains("Fuite", page);
        var noticePage = await Get(http, $"{Territory}/notices/{id}", "text/html");
        Assert.Contains("Gaz", noticePage);

        var json = await Get(http, $"api/v1/territories/{Territory}/notices", "application/json");
        var listed = JsonNode.Parse(json)!.AsArray().Single(n => n!["id"]!.GetValue<string>() == id)!;
        // The JSON gives the stored text as it is, each control escaped: the state served is the corrupted one.
        Assert.Equal("Fuite \u0001\u0007\u001B[2J\u007F\u0085\uFFFF fin", listed["title"]!.GetValue<string>());
        JsonNode.Parse(await Get(http, $"api/v1/notices/{id}", "application/json"));

        foreach (var feed in new[] { $"{Territory}/feed.atom", $"{Territory}/cap.atom", $"{Territory}/notices/{id}/cap.xml" })
        {
            var xml = await Get(http, feed, "application/");
            Assert.Contains("Fuite", XDocument.Parse(xml).Root!.Value);
        }

        var number = (await http.GetFromJsonAsync<JsonArray>("api/v1/territories"))!
            .Single(t => t!["slug"]!.GetValue<string>() == Territory)!["phoneNumbers"]![0]!.GetValue<string>();
        var twilio = new TwilioWebhooks(http, PublicBaseUrl, AuthToken);
        var call = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), number);
        var answer = await twilio.Post("/voice/incoming", call);
        var said = new StringBuilder();
        for (var step = 0; step < 4 && answer.Status == HttpStatusCode.OK && !answer.HangsUp; step++)
        {
            Assert.DoesNotMatch(Forbidden(), answer.Body);
            said.AppendJoin(' ', answer.Twiml.Descendants("Say").Select(s => s.Value));
            // What Twilio does when the caller presses nothing: the redirect after the menu.
            if ((answer.Twiml.Element("Redirect")?.Value ?? answer.Action) is not { } next)
            {
                break;
            }

            answer = await twilio.Follow(next, call, null);
        }

        Assert.True(answer.Status == HttpStatusCode.OK, $"{answer.Status}: {answer.Body}\n{service.Logs}");
        Assert.Contains("Fuite", said.ToString());
        Assert.Contains("Gaz", said.ToString());
    }

    /// <summary>Rewrites, in the stopped service's SQLite file, every stored state that holds the markers; returns how many.</summary>
    private static async Task<int> Corrupt(RunningService service)
    {
        var path = Path.Combine(service.DataDirectory, StorageOptions.SqliteFileName);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        var rows = new List<byte[]>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var payload = (byte[])reader[0];
                if (Encoding.UTF8.GetString(payload).Contains(TitleMarker, StringComparison.Ordinal))
                {
                    rows.Add(payload);
                }
            }
        }

        foreach (var payload in rows)
        {
            var text = Encoding.UTF8.GetString(payload).Replace(TitleMarker, BadTitle, StringComparison.Ordinal).Replace(MessageMarker, BadMessage, StringComparison.Ordinal);
            JsonNode.Parse(text);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE OrleansStorage SET PayloadBinary = @payload WHERE PayloadBinary = @before";
            update.Parameters.AddWithValue("@payload", Encoding.UTF8.GetBytes(text));
            update.Parameters.AddWithValue("@before", payload);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        return rows.Count;
    }

    private static async Task<string> Get(HttpClient http, string path, string mediaType)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}\n{body}");
        Assert.StartsWith(mediaType, response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.DoesNotMatch(Forbidden(), body);
        return body;
    }

    /// <summary>What no HTML, JSON or XML document may carry raw: C0 controls but tab and line breaks, DEL, C1, U+FFFE and U+FFFF.</summary>
    [GeneratedRegex("[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]")]
    private static partial Regex Forbidden();
}
