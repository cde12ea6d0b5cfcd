using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardChecks;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>
/// Each role × each dashboard action × a target inside and outside its perimeter, through real HTTP against
/// the real processes. A refusal must redirect to the refusal page, change nothing and be in the audit trail.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AuthorizationMatrixTests(DashboardFixture fixture)
{
    public static TheoryData<Role, string, bool> Cases()
    {
        var cases = new TheoryData<Role, string, bool>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var action in new[] { "publish", "update", "withdraw", "createKey", "configureTerritory", "configureCommunes", "configureSite", "createOperator", "readHistory", "readJournal" })
            {
                cases.Add(role, action, true);
                cases.Add(role, action, false);
            }

            cases.Add(role, "createTerritory", true);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_role_acts_only_within_its_perimeter(Role role, string action, bool own)
    {
        var session = await fixture.Session(role);
        var admin = await fixture.Session(Role.SuperAdmin);
        var (actor, _) = fixture.Login(role);
        var expected = Expected(role, action, own);
        var unique = Guid.NewGuid().ToString("N")[..8];

        // Writes outside the perimeter aim at Le Havre; an authority's reads outside it at a territory it does not follow.
        var territory = own ? Rouen : role == Role.Authority && action.StartsWith("read", StringComparison.Ordinal) ? Third : Havre;
        var site = own ? Refinery : Terminal;

        var (response, auditAction, scope, changed) = action switch
        {
            "publish" => await Publish(session, territory, site, $"Matrice {unique}"),
            "update" => await ChangeNotice(session, territory, site, "Update", "notice.point", new() { ["message"] = $"Point {unique}" }, version => version == 2),
            "withdraw" => await ChangeNotice(session, territory, site, "Withdraw", "notice.retrait", new() { ["reason"] = $"Retrait {unique}", ["confirme"] = "true" }, version => version is null),
            "createKey" => await CreateKey(session, admin, territory, site, $"Clé {unique}"),
            "configureTerritory" => await ConfigureTerritory(session, territory, $"Territoire {unique}"),
            "configureCommunes" => await ConfigureCommunes(session, admin, territory),
            "configureSite" => await ConfigureSite(session, territory, own ? Depot : Fertiliser, $"Site {unique}"),
            "createOperator" => await CreateOperator(session, admin, territory, own ? Refinery : Terminal, $"op-{unique}@test.example"),
            "readHistory" => (await session.Get($"/tableau-de-bord/historique?territoire={territory}"), "historique.consulter", territory, null),
            "readJournal" => (await session.Get($"/tableau-de-bord/journal/{territory}"), "journal.consulter", territory, null),
            "createTerritory" => await CreateTerritory(session, $"t-{unique}"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        if (expected)
        {
            AssertAccepted(response);
            if (changed is not null)
            {
                Assert.True(await changed(), $"{role} {action}: accepted but nothing changed");
                Assert.True(await Audited(admin, scope, actor, auditAction, refused: false), $"{role} {action}: no audit entry");
            }
        }
        else
        {
            AssertRefused(response);
            if (changed is not null)
            {
                Assert.False(await changed(), $"{role} {action}: refused but something changed");
            }

            Assert.True(await Audited(admin, scope, actor, auditAction, refused: true), $"{role} {action}: refusal not audited in {scope}");
        }
    }

    private static bool Expected(Role role, string action, bool own) => role switch
    {
        Role.SuperAdmin => true,
        Role.TerritoryAdmin => own && action != "createTerritory",
        Role.Operator => own && action is "publish" or "update" or "withdraw" or "createKey",
        Role.Authority => own && action == "readHistory",
        _ => false,
    };

    private async Task<(HttpResponseMessage, string, string, Func<Task<bool>>?)> Publish(DashboardSession session, string territory, string site, string title)
    {
        var response = await session.Post($"/tableau-de-bord/sites/{territory}/{site}/publier?handler=Publish", PublishForm(title));
        return (response, "notice.publier", territory,
            async () => (await PublicNotices(fixture.Service, territory)).Any(n => n!["title"]!.GetValue<string>() == title));
    }

    private async Task<(HttpResponseMessage, string, string, Func<Task<bool>>?)> ChangeNotice(
        DashboardSession session, string territory, string site, string handler, string auditAction, Dictionary<string, string> fields, Func<int?, bool> changedWhen)
    {
        var id = await PublishWithKey(fixture.Service, territory, site, "Notice de la matrice");
        var response = await session.Post($"/tableau-de-bord/notices/{id}?handler={handler}", fields);
        return (response, auditAction, territory, async () => changedWhen(await PublicVersion(fixture.Service, id)));
    }

    private static async Task<(HttpResponseMessage, string, string, Func<Task<bool>>?)> CreateKey(
        DashboardSession session, DashboardSession admin, string territory, string site, string label)
    {
        var response = await session.Post($"/tableau-de-bord/sites/{territory}/{site}?handler=CreateKey", new() { ["label"] = label });
        return (response, "cle.creer", territory,
            async () => System.Net.WebUtility.HtmlDecode(await admin.Html($"/tableau-de-bord/sites/{territory}/{site}")).Contains(label, StringComparison.Ordinal));
    }

    private async Task<(HttpResponseMessage, string, string, Func<Task<bool>>?)> ConfigureTerritory(DashboardSession session, string territory, string name)
    {
        var phone = territory == Rouen ? "+33805760001" : "+33805760002";
        var response = await session.Post($"/tableau-de-bord/territoires/{territory}", new()
        {
            ["name"] = name,
            ["phoneNumbers"] = phone,
            ["greeting"] = "Bienvenue sur AlloIndustrie.",
            ["retentionDays"] = "9",
        });
        return (response, "territoire.configurer", territory, async () =>
            (await fixture.Service.Http.GetFromJsonAsync<JsonArray>("api/v1/territories"))!.Any(t => t!["name"]!.GetValue<string>() == name));
    }

    private static async Task<(HttpResponseMessage, string, string, Func<Task<bool>>?)> ConfigureCommunes(
        DashboardSession session, DashboardSession admin, string territory)
    {
        // A centre a few hundred metres from the real one, unique to this case, so that its arrival can be seen.
        var (commune, latitude, longitude) = territory == Rouen ? ("Rouen", 49.44, "1.099") : ("Le Havre", 49.49, "0.108");
        var unique = (latitude + Random.Shared.Next(1000, 9999) / 1_000_000.0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await session.Post($"/tableau-de-bord/territoires/{territory}?handler=Communes", new()
        {
            ["communes"] = commune,
            ["latitudes"] = unique,
            ["longitudes"] = longitude,
        });
        return (response, "territoire.communes", territory, async () =>
            (await admin.Html($"/tableau-de-bord/territoires/{territory}")).Contains($"value=\"{unique}\"", StringComparison.Ordinal));
    }

    private async Task<(HttpResponseMessage, string, string, Func<Task<bool>>?)> ConfigureSite(DashboardSession session, string territory, string site, string name)
    {
        var response = await session.Post($"/tableau-de-bord/territoires/{territory}/site/{site}", new()
        {
            ["Form.Name"] = name,
            ["Form.Company"] = "Entreprise de test",
            ["Form.Address"] = "1 rue du Test",
            ["Form.Latitude"] = "49.4",
            ["Form.Longitude"] = "1.05",
            ["Form.Communes"] = "Rouen",
        });
        return (response, "site.configurer", territory, async () =>
            (await fixture.Service.Http.GetFromJsonAsync<JsonArray>($"api/v1/territories/{territory}/sites"))!.Any(s => s!["name"]!.GetValue<string>() == name));
    }

    private static async Task<(HttpResponseMessage, string, string, Func<Task<bool>>?)> CreateOperator(
        DashboardSession session, DashboardSession admin, string territory, string site, string email)
    {
        var response = await session.Post($"/tableau-de-bord/territoires/{territory}/comptes?handler=Create", new()
        {
            ["email"] = email,
            ["displayName"] = "Opérateur de la matrice",
            ["sites"] = site,
        });
        return (response, "compte.creer", territory, async () =>
            System.Net.WebUtility.HtmlDecode(await admin.Html("/tableau-de-bord/administration")).Contains(email, StringComparison.Ordinal));
    }

    private async Task<(HttpResponseMessage, string, string, Func<Task<bool>>?)> CreateTerritory(DashboardSession session, string slug)
    {
        var response = await session.Post("/tableau-de-bord/administration?handler=Territory", new() { ["slug"] = slug, ["name"] = $"Territoire {slug}" });
        return (response, "territoire.creer", "_plateforme", async () =>
            (await fixture.Service.Http.GetFromJsonAsync<JsonArray>("api/v1/territories"))!
                .Any(t => t!["slug"]!.GetValue<string>() == slug));
    }
}
