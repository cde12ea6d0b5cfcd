using System.Net;
using AlloIndustrie.Tests.Dashboard;
using Xunit;
using static AlloIndustrie.Tests.Subscriptions.SubscriptionClient;
using static AlloIndustrie.Tests.Telephony.TelephonyFixture;

namespace AlloIndustrie.Tests.Telephony;

/// <summary>
/// A territory's SMS and call rates, set by its administrators on the dashboard over real HTTP and applied by the
/// senders: the silo's own channel limits are far above them here, so only the territory's pace spaces the messages.
/// </summary>
[Collection(TelephonyCollection.Name)]
public sealed class TelephoneRatesHttpTests(TelephonyFixture fixture)
{
    private const string Page = $"/tableau-de-bord/territoires/{Territory}/abonnements";

    private TwilioStandIn Twilio => fixture.Twilio;

    [Fact]
    public async Task Administrators_set_the_rates_bad_ones_are_refused_in_french_and_operators_may_not()
    {
        var credentials = fixture.Service.Credentials.TerritoryAdmins.Single(a => a.Territory == Territory);
        using var admin = await DashboardSession.SignIn(fixture.Service.BaseAddress, credentials.Email, credentials.Password);
        Assert.Contains("Abonnements et débits", await admin.Html($"/tableau-de-bord/territoires/{Territory}"));
        var page = await admin.Html(Page);
        Assert.Contains("name=\"sms\" value=\"1\"", page);
        Assert.Contains("name=\"calls\" value=\"1\"", page);

        foreach (var (sms, calls, field, message) in new[]
        {
            ("0", "1", "sms", "nombre entier de SMS par seconde, de 1 à 100"),
            ("1", "101", "calls", "nombre entier d’appels par seconde, de 1 à 100"),
            ("1,5", "1", "sms", "de 1 à 100"),
            ("-3", "1", "sms", "de 1 à 100"),
            ("5", "", "calls", "de 1 à 100"),
            ("99999999999", "1", "sms", "de 1 à 100"),
        })
        {
            var refused = await admin.Post($"{Page}?handler=Rates", new() { ["sms"] = sms, ["calls"] = calls }, tokenFrom: Page);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains($"id=\"err-{field}\">", html);
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(html));
            Assert.Contains("name=\"sms\" value=\"1\"", await admin.Html(Page));
        }

        var operatorCredentials = fixture.Service.Credentials.Operators.First(o => o.Territory == Territory);
        using var operatorSession = await DashboardSession.SignIn(fixture.Service.BaseAddress, operatorCredentials.Email, operatorCredentials.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await operatorSession.Get(Page)).StatusCode);
        var forbidden = await operatorSession.Post($"{Page}?handler=Rates", new() { ["sms"] = "50", ["calls"] = "50" });
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.Contains("name=\"sms\" value=\"1\"", await admin.Html(Page));

        var saved = await admin.Post($"{Page}?handler=Rates", new() { ["sms"] = " 3 ", ["calls"] = "2" }, tokenFrom: Page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.Html(Page + "?enregistre=true");
        Assert.Contains("Débits enregistrés.", after);
        Assert.Contains("name=\"sms\" value=\"3\"", after);
        Assert.Contains("name=\"calls\" value=\"2\"", after);
        Assert.Contains("telephonie.debits", await admin.Html($"/tableau-de-bord/journal/{Territory}"));

        var back = await admin.Post($"{Page}?handler=Rates", new() { ["sms"] = "1", ["calls"] = "1" }, tokenFrom: Page);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    [Fact]
    public async Task The_territorys_rate_spaces_its_sms_across_the_silo()
    {
        string[] numbers = ["+33612360001", "+33612360002", "+33612360003", "+33612360004", "+33612360005"];
        foreach (var number in numbers)
        {
            using var client = fixture.NewClient();
            await fixture.Subscribed(client, $"0{number[3..]}", number);
        }

        var title = $"Torchage au pas {Guid.NewGuid():N}"[..26];
        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, title);
        var sent = new List<SentMessage>();
        foreach (var number in numbers)
        {
            sent.Add((await Twilio.WaitFor(1, m => m.To == number && m.Body.Contains(title, StringComparison.Ordinal))).Single());
        }

        // One a second (the territory's default): five messages take four slots, left with room for a slow first request.
        var times = sent.Select(m => m.At).Order().ToList();
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(2.5), $"Five SMS within {(times[^1] - times[0]).TotalSeconds:0.00} s.");
    }

    [Fact]
    public async Task The_page_counts_subscriptions_per_channel_a_notices_progress_and_the_months_sms_segments()
    {
        using var client = fixture.NewClient();
        await fixture.Subscribed(client, "06 12 36 00 10", "+33612360010");
        var credentials = fixture.Service.Credentials.TerritoryAdmins.Single(a => a.Territory == Territory);
        using var admin = await DashboardSession.SignIn(fixture.Service.BaseAddress, credentials.Email, credentials.Password);
        var before = Month(await admin.Html(Page));

        var title = $"Torchage compté {Guid.NewGuid():N}"[..26];
        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, title);
        var sms = (await Twilio.WaitFor(1, m => m.To == "+33612360010" && m.Body.Contains(title, StringComparison.Ordinal))).Single();

        // Other SMS of the territory may still be going out: the month counts at least this one, with its segments.
        await Polling.Eventually("the SMS counted in the month", TimeSpan.FromSeconds(30), async () =>
        {
            var month = Month(await admin.Html(Page));
            return month.Messages >= before.Messages + 1 && month.Segments >= before.Segments + sms.Segments;
        });
        var page = await admin.Html(Page);
        Assert.Matches("<tr><td>SMS</td><td>[1-9][0-9]*</td></tr>", page);
        Assert.Contains($"{title}</a> (version 1)", page);
        Assert.Matches("<tr><td>SMS</td><td>[1-9][0-9]* / [1-9][0-9]*</td>", page);
        Assert.DoesNotContain("+33612360010", page);
        Assert.DoesNotContain("06 12 36 00 10", page);
    }

    /// <summary>This month's row of the cost table: SMS, segments, calls, minutes.</summary>
    private static (long Messages, long Segments, long Calls, long Minutes) Month(string page)
    {
        var month = AlloIndustrie.Grains.Interfaces.ParisTime.Of(DateTimeOffset.UtcNow).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        var row = System.Text.RegularExpressions.Regex.Match(page, $"<tr><td>{month}</td><td>([0-9]+)</td><td>([0-9]+)</td><td>([0-9]+)</td><td>([0-9]+)</td></tr>");
        Assert.True(row.Success, $"No row for {month}.");
        return (long.Parse(row.Groups[1].Value), long.Parse(row.Groups[2].Value), long.Parse(row.Groups[3].Value), long.Parse(row.Groups[4].Value));
    }
}
