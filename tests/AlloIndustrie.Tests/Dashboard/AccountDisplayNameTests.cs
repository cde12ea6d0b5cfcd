using System.Net;
using AlloIndustrie.Grains.Interfaces.Accounts;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>An account's display name, shown on every page that names the account, within the account rules' limits.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccountDisplayNameTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData(AccountRules.DisplayNameMaxLength + 1, "Le nom affiché ne doit pas dépasser 100 caractères.")]
    [InlineData(0, "Le nom affiché contient un caractère invisible ou de contrôle interdit (U+0007)")]
    public async Task A_display_name_that_could_not_be_shown_is_refused_and_no_account_is_made(int length, string refusal)
    {
        var territoryAdmin = await fixture.Session(Role.TerritoryAdmin);
        var accounts = $"/tableau-de-bord/territoires/{Rouen}/comptes";
        Assert.Contains($"name=\"displayName\" required maxlength=\"{AccountRules.DisplayNameMaxLength}\"", await territoryAdmin.Html(accounts));

        var email = $"nom-{Guid.NewGuid():N}@test.example";
        var name = length > 0 ? new string('n', length) : "Exploitant\u0007";
        var created = await territoryAdmin.Post($"{accounts}?handler=Create", new() { ["email"] = email, ["displayName"] = name, ["sites"] = Refinery });

        Assert.Contains(refusal, WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()));
        var admin = await fixture.Session(Role.SuperAdmin);
        Assert.DoesNotContain(email, WebUtility.HtmlDecode(await admin.Html("/tableau-de-bord/administration")));
    }
}
