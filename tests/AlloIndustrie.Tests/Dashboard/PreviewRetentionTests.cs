using System.Net;
using AlloIndustrie.Tests.Processes;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>The publish form's preview checks a draft against the silo's own minimum retention, as publishing does.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PreviewRetentionTests
{
    [Fact]
    public async Task The_preview_refuses_a_retention_under_the_configured_minimum_as_publishing_then_does()
    {
        await using var service = new RunningService(siloSettings: new Dictionary<int, IReadOnlyDictionary<string, string>>
        {
            [0] = new Dictionary<string, string> { ["Allo__Notices__MinimumRetention"] = "2.00:00:00" },
        });
        await service.Start();
        var operatorAccount = service.Credentials.Operators.Single(o => o.Territory == Rouen);
        using var session = await DashboardSession.SignIn(service.BaseAddress, operatorAccount.Email, operatorAccount.Password);
        var path = $"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier";
        var form = DashboardChecks.PublishForm($"Conservation {Guid.NewGuid():N}");

        // One day is far above the default minimum (an hour) but under this deployment's two days.
        form["Form.RetentionDays"] = "1";
        var preview = await session.Post($"{path}?handler=Preview", form, tokenFrom: path);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewed = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("id=\"err-retention\"", previewed, StringComparison.Ordinal);
        Assert.Contains("L’aperçu audio sera proposé une fois les erreurs corrigées.", previewed, StringComparison.Ordinal);

        var published = await session.Post($"{path}?handler=Publish", form, tokenFrom: path);
        Assert.Equal(HttpStatusCode.BadRequest, published.StatusCode);
        Assert.Contains("id=\"err-retention\"", WebUtility.HtmlDecode(await published.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        form["Form.RetentionDays"] = "3";
        var accepted = await session.Post($"{path}?handler=Preview", form, tokenFrom: path);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.DoesNotContain("id=\"err-retention\"", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
