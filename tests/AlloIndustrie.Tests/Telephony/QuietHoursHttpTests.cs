using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlloIndustrie.Grains.Interfaces;
using Xunit;
using static AlloIndustrie.Tests.Subscriptions.SubscriptionClient;
using static AlloIndustrie.Tests.Telephony.TelephonyFixture;

namespace AlloIndustrie.Tests.Telephony;

/// <summary>
/// Quiet hours as the resident chooses them, over real HTTP: in the JSON API (<c>quiet</c>), on the page's form
/// without script and on the manage page; bad values refused in French with nothing stored or sent. The silo runs on
/// the real clock, so each test picks a night around the time it runs.
/// </summary>
[Collection(TelephonyCollection.Name)]
public sealed partial class QuietHoursHttpTests(TelephonyFixture fixture)
{
    private TwilioStandIn Twilio => fixture.Twilio;

    [Fact]
    public async Task A_drill_waits_for_a_subscriber_whose_chosen_night_is_now_and_goes_at_once_to_the_others()
    {
        using var client = fixture.NewClient();
        var (now, later) = (Around(-60), Around(60));
        await fixture.Subscribed(client, "06 12 35 00 01", "+33612350001", new { quiet = $"{now}-{later}" });
        await fixture.Subscribed(client, "06 12 35 00 02", "+33612350002", new { quiet = "none" });
        await fixture.Subscribed(client, "06 12 35 00 03", "+33612350003", new { quiet = $"{Around(120)}-{Around(180)}" });

        var title = $"Exercice calme {Guid.NewGuid():N}"[..26];
        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, title, exercise: true);
        await Twilio.WaitFor(1, m => m.To == "+33612350002" && m.Body.Contains(title, StringComparison.Ordinal));
        await Twilio.WaitFor(1, m => m.To == "+33612350003" && m.Body.Contains(title, StringComparison.Ordinal));
        await Task.Delay(2000);
        Assert.DoesNotContain(Twilio.To("+33612350001"), m => m.Body.Contains(title, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("25:00-07:00", "début")]
    [InlineData("22:00-07:60", "fin")]
    [InlineData("22:00", "22:00-07:00")]
    [InlineData("22:00-22:00", "même heure")]
    [InlineData("aucune", "none")]
    [InlineData("22:00-07:00\u0007", "fin")]
    [InlineData("", "22:00-07:00")]
    public async Task Bad_quiet_hours_in_the_api_are_refused_in_french_and_nothing_is_sent(string quiet, string expected)
    {
        using var client = fixture.NewClient();
        var before = Twilio.Requests;
        var response = await SignUp(client, "06 12 35 00 10", new { quiet });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains(expected, errors["quiet"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(["quiet"], errors.Select(e => e.Key));
        Assert.Equal(before, Twilio.Requests);
    }

    [Fact]
    public async Task The_form_without_script_and_the_manage_page_take_quiet_hours_and_refuse_bad_ones_changing_nothing()
    {
        using var client = fixture.NewClient();
        var page = await client.GetStringAsync($"{Territory}/abonnement");
        Assert.Contains("name=\"quietStart\" type=\"time\" value=\"22:00\"", page);
        Assert.Contains("name=\"quietEnd\" type=\"time\" value=\"07:00\"", page);

        var form = new Dictionary<string, string> { ["phone"] = "06 12 35 00 20", ["quiet"] = "nuit", ["quietStart"] = "25h", ["quietEnd"] = "7h30", ["lang"] = "fr" };
        var refused = await client.PostAsync($"{Territory}/abonnement", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Contains("L’heure de début des heures calmes n’est pas valable", refusal);
        Assert.Contains("href=\"#quiet-start\"", refusal);
        Assert.Contains("value=\"25h\"", refusal);
        Assert.DoesNotContain("name=\"challenge\"", refusal);

        // Times as residents type them, a night around now: the drill waits.
        var (start, end) = (Around(-60), Around(60));
        form["quietStart"] = start.Replace(':', 'h');
        form["quietEnd"] = end;
        var wait = await (await client.PostAsync($"{Territory}/abonnement", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        form["challenge"] = Challenge().Match(wait).Groups[1].Value;
        var codePage = await client.PostAsync($"{Territory}/abonnement", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, codePage.StatusCode);
        var id = CodeForm().Match(await codePage.Content.ReadAsStringAsync()).Groups[1].Value;
        var confirmed = await client.PostAsync($"abonnement/code/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = await fixture.Code("+33612350020") }));
        var manage = ManageLink().Match(await confirmed.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(manage);

        var shown = await client.GetStringAsync(manage);
        Assert.Contains($"name=\"quietStart\" type=\"time\" value=\"{start}\"", shown);
        Assert.Contains($"name=\"quietEnd\" type=\"time\" value=\"{end}\"", shown);
        Assert.Contains("name=\"quiet\" value=\"nuit\" checked", shown);
        var held = $"Exercice retenu {Guid.NewGuid():N}"[..26];
        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, held, exercise: true);
        await Task.Delay(2000);
        Assert.DoesNotContain(Twilio.To("+33612350020"), m => m.Body.Contains(held, StringComparison.Ordinal));

        // A bad change is refused and changes nothing.
        var change = new Dictionary<string, string> { ["quiet"] = "nuit", ["quietStart"] = "08:00", ["quietEnd"] = "8h", ["lang"] = "fr" };
        var bad = await client.PostAsync(manage, new FormUrlEncodedContent(change));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("commencent et finissent à la même heure", await bad.Content.ReadAsStringAsync());
        Assert.Contains($"value=\"{start}\"", await client.GetStringAsync(manage));

        // No quiet hours: the next drill goes at once (and the one held with it, once its partition looks again).
        var none = await client.PostAsync(manage, new FormUrlEncodedContent(new Dictionary<string, string> { ["quiet"] = "aucune", ["quietStart"] = start, ["quietEnd"] = end, ["lang"] = "fr" }));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Vos choix sont enregistrés.", await none.Content.ReadAsStringAsync());
        Assert.Contains("name=\"quiet\" value=\"aucune\" checked", await client.GetStringAsync(manage));
        var sent = $"Exercice envoyé {Guid.NewGuid():N}"[..26];
        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, sent, exercise: true);
        await Twilio.WaitFor(1, m => m.To == "+33612350020" && m.Body.Contains(sent, StringComparison.Ordinal));
    }

    /// <summary>Paris time <paramref name="minutes"/> from now, as <c>HH:MM</c>.</summary>
    private static string Around(int minutes) => ParisTime.Of(DateTimeOffset.UtcNow.AddMinutes(minutes)).ToString("HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"challenge\" value=\"([^\"]+)\"")]
    private static partial Regex Challenge();

    [GeneratedRegex("action=\"/abonnement/code/([0-9a-f]{32})\"")]
    private static partial Regex CodeForm();

    [GeneratedRegex("href=\"(http[^\"]*/abonnement/gerer/[0-9a-f]+)\"")]
    private static partial Regex ManageLink();
}
