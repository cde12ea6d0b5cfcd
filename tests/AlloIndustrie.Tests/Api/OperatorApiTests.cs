using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Api;

/// <summary>The operators' API through real HTTP against the real processes, one case per error code.</summary>
[Collection(ServiceCollection.Name)]
public sealed class OperatorApiTests(ServiceFixture fixture)
{
    private const string Territory = "rouen-metropole";
    private const string SiteA = "raffinerie-petit-couronne";
    private const string SiteB = "chimie-grand-quevilly";
    private const string Havre = "le-havre-seine";
    private const string Fertiliser = "engrais-havre";

    private RunningService Service => fixture.Service;

    [Fact]
    public async Task Publishing_answers_201_with_the_whole_notice()
    {
        using var client = Service.Operator(Territory, SiteA);
        var response = await client.PostAsJsonAsync(PublishRoute(SiteA), new
        {
            eventType = "flare",
            nuisances = new[] { "light", "noise" },
            title = "Torchage à la raffinerie",
            message = "Une flamme est visible ce soir au-dessus de la raffinerie.",
            instructions = "Aucune action n’est nécessaire.",
            exercise = false,
            expectedEndAt = DateTimeOffset.UtcNow.AddHours(3).ToString("O"),
            retention = "P2D",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var notice = await Json(response);
        var id = notice["id"]!.GetValue<string>();
        Assert.Equal($"/api/v1/notices/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("active", notice["status"]!.GetValue<string>());
        Assert.Equal(1, notice["version"]!.GetValue<int>());
        Assert.Equal("Raffinerie de Petit-Couronne", notice["siteName"]!.GetValue<string>());
        Assert.Equal("Seine Raffinage", notice["company"]!.GetValue<string>());
        Assert.Equal(["light", "noise"], notice["nuisances"]!.AsArray().Select(n => n!.GetValue<string>()));
        var startsAt = notice["startsAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(startsAt.AddDays(2), notice["expiresAt"]!.GetValue<DateTimeOffset>());

        var read = await Service.Http.GetFromJsonAsync<JsonObject>($"api/v1/notices/{id}");
        Assert.Equal("Torchage à la raffinerie", read!["title"]!.GetValue<string>());
        var listed = await Service.Http.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Territory}/notices");
        Assert.Contains(listed!, n => n!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Updates_and_all_clear_change_the_version_and_status()
    {
        using var client = Service.Operator(Territory, SiteA);
        var id = await Publish(client, SiteA);

        var misspelt = await client.PostAsJsonAsync($"api/v1/notices/{id}/updates", new { message = "Sans envoi.", notfy = false });
        Assert.True((await AssertProblem(misspelt, HttpStatusCode.BadRequest, null))["errors"]!.AsObject().ContainsKey("notfy"));

        var updated = await client.PostAsJsonAsync($"api/v1/notices/{id}/updates", new { message = "La flamme diminue." });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await Json(updated))["version"]!.GetValue<int>());

        var ended = await client.PostAsJsonAsync($"api/v1/notices/{id}/end", new { message = "Fin du torchage." });
        var notice = await Json(ended);
        Assert.Equal("ended", notice["status"]!.GetValue<string>());
        Assert.Equal(3, notice["version"]!.GetValue<int>());
        Assert.Equal(["La flamme diminue.", "Fin du torchage."], notice["updates"]!.AsArray().Select(u => u!["message"]!.GetValue<string>()));

        var again = await client.PostAsJsonAsync($"api/v1/notices/{id}/end", new { });
        await AssertProblem(again, HttpStatusCode.Conflict, "Cette notice est déjà terminée.");
    }

    [Fact]
    public async Task Invalid_fields_get_400_with_a_french_message_each_and_nothing_is_published()
    {
        using var client = Service.Operator(Territory, SiteA);
        var before = await PublicCount();
        var response = await client.PostAsJsonAsync(PublishRoute(SiteA), new
        {
            eventType = "volcan",
            nuisances = new[] { "noise", "tremblement" },
            title = new string('t', 121),
            message = "",
            startsAt = "demain",
            retention = "neuf jours",
        });

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, null);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("Date invalide", errors["startsAt"]![0]!.GetValue<string>());
        Assert.Contains("Durée invalide", errors["retention"]![0]!.GetValue<string>());

        var rules = await client.PostAsJsonAsync(PublishRoute(SiteA), new
        {
            eventType = "volcan",
            nuisances = new[] { "noise", "tremblement" },
            title = new string('t', 121),
            message = "",
            startsAt = DateTimeOffset.UtcNow.AddHours(2).ToString("O"),
            expectedEndAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
            retention = "P100D",
        });
        var ruleErrors = (await AssertProblem(rules, HttpStatusCode.BadRequest, "La demande contient des champs invalides."))["errors"]!.AsObject();
        Assert.Equal(["eventType", "expectedEndAt", "message", "nuisances", "retention", "title"], ruleErrors.Select(e => e.Key).Order());
        Assert.Equal("Le titre ne doit pas dépasser 120 caractères.", ruleErrors["title"]![0]!.GetValue<string>());
        Assert.Equal("Le message est obligatoire.", ruleErrors["message"]![0]!.GetValue<string>());
        Assert.Equal("La fin prévue doit être postérieure au début.", ruleErrors["expectedEndAt"]![0]!.GetValue<string>());

        var notJson = await client.PostAsync(PublishRoute(SiteA), new StringContent("{ pas du json", Encoding.UTF8, "application/json"));
        await AssertProblem(notJson, HttpStatusCode.BadRequest, null);

        var wrongType = await client.PostAsync(PublishRoute(SiteA), new StringContent("""{"exercise":"oui"}""", Encoding.UTF8, "application/json"));
        var typeErrors = (await AssertProblem(wrongType, HttpStatusCode.BadRequest, null))["errors"]!.AsObject();
        Assert.True(typeErrors.ContainsKey("exercise"));

        // A misspelt "exercise" must not publish a drill as a real event.
        var misspelt = await client.PostAsJsonAsync(PublishRoute(SiteA), new { eventType = "flare", title = "Torchage", message = "Exercice.", drill = true });
        var unknown = (await AssertProblem(misspelt, HttpStatusCode.BadRequest, null))["errors"]!.AsObject();
        Assert.Equal("Champ inconnu de cette opération : vérifiez son nom.", unknown["drill"]![0]!.GetValue<string>());

        Assert.Equal(before, await PublicCount());
    }

    [Fact]
    public async Task Missing_or_wrong_keys_get_401()
    {
        using var anonymous = new HttpClient { BaseAddress = Service.BaseAddress };
        var none = await anonymous.PostAsJsonAsync(PublishRoute(SiteA), ValidDraft());
        await AssertProblem(none, HttpStatusCode.Unauthorized, null);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);

        foreach (var key in new[] { "n-importe-quoi", "allo_0000000000000000_secret", Service.Credentials.ApiKeys[$"{Territory}/{SiteA}"] + "x" })
        {
            using var client = new HttpClient { BaseAddress = Service.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            await AssertProblem(await client.PostAsJsonAsync(PublishRoute(SiteA), ValidDraft()), HttpStatusCode.Unauthorized, null);
        }
    }

    [Fact]
    public async Task A_key_acts_for_its_own_site_only()
    {
        using var siteA = Service.Operator(Territory, SiteA);
        using var siteB = Service.Operator(Territory, SiteB);
        await AssertProblem(await siteA.PostAsJsonAsync(PublishRoute(SiteB), ValidDraft()), HttpStatusCode.Forbidden, "Cette clé d’API n’agit pas pour ce site.");
        await AssertProblem(
            await siteA.PostAsJsonAsync($"api/v1/territories/le-havre-seine/sites/terminal-methanier/notices", ValidDraft()),
            HttpStatusCode.Forbidden, null);

        var idOfB = await Publish(siteB, SiteB);
        await AssertProblem(await siteA.PostAsJsonAsync($"api/v1/notices/{idOfB}/updates", new { message = "Intrusion" }), HttpStatusCode.Forbidden, null);
        await AssertProblem(await siteA.PostAsJsonAsync($"api/v1/notices/{idOfB}/end", new { }), HttpStatusCode.Forbidden, null);
        await AssertProblem(await siteA.PostAsJsonAsync($"api/v1/notices/{idOfB}/withdraw", new { reason = "Intrusion" }), HttpStatusCode.Forbidden, null);

        var untouched = await Service.Http.GetFromJsonAsync<JsonObject>($"api/v1/notices/{idOfB}");
        Assert.Equal(1, untouched!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_notices_get_404()
    {
        using var client = Service.Operator(Territory, SiteA);
        await AssertProblem(await client.PostAsJsonAsync("api/v1/notices/inconnue/updates", new { message = "?" }), HttpStatusCode.NotFound, "Notice introuvable.");
        await AssertProblem(await Service.Http.GetAsync("api/v1/notices/inconnue"), HttpStatusCode.NotFound, null);
        await AssertProblem(await Service.Http.GetAsync("api/v1/territories/atlantide/notices"), HttpStatusCode.NotFound, "Territoire inconnu.");
    }

    [Fact]
    public async Task A_withdrawn_notice_disappears_and_refuses_updates_with_409()
    {
        using var client = Service.Operator(Territory, SiteA);
        var id = await Publish(client, SiteA);

        await AssertProblem(await client.PostAsJsonAsync($"api/v1/notices/{id}/withdraw", new { reason = "" }), HttpStatusCode.BadRequest, null);
        var withdrawn = await client.PostAsJsonAsync($"api/v1/notices/{id}/withdraw", new { reason = "Publiée par erreur." });
        Assert.Equal("withdrawn", (await Json(withdrawn))["status"]!.GetValue<string>());

        await AssertProblem(await Service.Http.GetAsync($"api/v1/notices/{id}"), HttpStatusCode.NotFound, null);
        await AssertProblem(
            await client.PostAsJsonAsync($"api/v1/notices/{id}/updates", new { message = "Encore" }),
            HttpStatusCode.Conflict, "Cette notice a été retirée : elle ne peut plus être modifiée.");
        var listed = await Service.Http.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Territory}/notices");
        Assert.DoesNotContain(listed!, n => n!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task A_body_over_64_KB_gets_413_and_nothing_is_published()
    {
        using var client = Service.Operator(Territory, SiteA);
        var before = await PublicCount();
        var huge = JsonSerializer.Serialize(new { eventType = "flare", title = "Trop long", message = new string('x', 70_000) });

        var declared = await client.PostAsync(PublishRoute(SiteA), new StringContent(huge, Encoding.UTF8, "application/json"));
        await AssertProblem(declared, HttpStatusCode.RequestEntityTooLarge, null);

        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, PublishRoute(SiteA)) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await AssertProblem(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, null);

        Assert.Equal(before, await PublicCount());
    }

    [Fact]
    public async Task Keys_under_ever_new_ids_from_one_address_get_429_once_twenty_were_refused()
    {
        // From a client of its own (forwarded by loopback, a trusted proxy), so that the tests' address keeps its budget.
        using var client = new HttpClient { BaseAddress = Service.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Random.Shared.Next(1, 255)}");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 130; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, PublishRoute(SiteA)) { Content = JsonContent.Create(ValidDraft()) };
            request.Headers.Authorization = new("Bearer", $"allo_{Guid.NewGuid():N}_secret");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 20), statuses.Take(20));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // The right key from the same address is refused too until the minute is over: nothing is looked up.
        using var right = new HttpRequestMessage(HttpMethod.Post, PublishRoute(SiteA)) { Content = JsonContent.Create(ValidDraft()) };
        right.Headers.Authorization = new("Bearer", Service.Credentials.ApiKeys[$"{Territory}/{SiteA}"]);
        var limited = await client.SendAsync(right);
        await AssertProblem(limited, HttpStatusCode.TooManyRequests, "Trop de requêtes : réessayez dans une minute.");
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task A_verified_key_gets_429_past_120_requests_a_minute()
    {
        // A site no other test of the collection publishes for; each request is refused after the key is checked.
        using var client = Service.Operator(Havre, Fertiliser);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 125; i++)
        {
            statuses.Add((await client.PostAsJsonAsync($"api/v1/territories/{Havre}/sites/{Fertiliser}/notices", new { })).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 120), statuses.Take(120));
        Assert.All(statuses.Skip(120), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task The_public_api_answers_429_past_600_requests_a_minute_from_one_ipv6_network_whatever_its_addresses()
    {
        using var client = new HttpClient { BaseAddress = Service.BaseAddress };
        var network = $"2001:db8:{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 605; i++)
        {
            // Each request from another address of the same /64, as a phone or a box may pick at will.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/notices/{Guid.NewGuid():N}");
            request.Headers.Add("X-Forwarded-For", $"{network}:{i + 1:x}:0:0:1");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 600), statuses.Take(600));
        Assert.All(statuses.Skip(600), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // Another network is another client.
        using var other = new HttpRequestMessage(HttpMethod.Get, "api/v1/territories");
        other.Headers.Add("X-Forwarded-For", $"2001:db8:ffff:{Random.Shared.Next(1, 0xffff):x}::1");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task A_key_under_another_spelling_of_its_id_is_no_key()
    {
        var key = Service.Credentials.ApiKeys[$"{Territory}/{SiteB}"];
        var keyId = key.Split('_')[1];
        var variants = CaseVariants(keyId).Take(8).Select(id => key.Replace($"_{keyId}_", $"_{id}_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(variants);
        var before = await PublicCount();

        foreach (var variant in variants)
        {
            // From an address of its own (forwarded by loopback), below the limit on refused keys.
            using var client = new HttpClient { BaseAddress = Service.BaseAddress };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{Random.Shared.Next(1, 255)}");
            client.DefaultRequestHeaders.Authorization = new("Bearer", variant);
            for (var i = 0; i < 2; i++)
            {
                await AssertProblem(await client.PostAsJsonAsync(PublishRoute(SiteB), ValidDraft()), HttpStatusCode.Unauthorized, null);
            }
        }

        Assert.Equal(before, await PublicCount());
    }

    [Fact]
    public async Task A_notice_id_in_upper_case_is_unknown_everywhere_and_changes_nothing()
    {
        using var client = Service.Operator(Territory, SiteB);
        var id = await Publish(client, SiteB);
        var upper = id.ToUpperInvariant();
        Assert.NotEqual(id, upper);

        // Reading it first would have activated a second grain that kept what it read.
        await AssertProblem(await Service.Http.GetAsync($"api/v1/notices/{upper}"), HttpStatusCode.NotFound, null);
        await AssertProblem(await client.PostAsJsonAsync($"api/v1/notices/{upper}/updates", new { message = "Copie" }), HttpStatusCode.NotFound, "Notice introuvable.");
        await AssertProblem(await client.PostAsJsonAsync($"api/v1/notices/{upper}/end", new { }), HttpStatusCode.NotFound, "Notice introuvable.");
        await AssertProblem(await client.PostAsJsonAsync($"api/v1/notices/{upper}/withdraw", new { reason = "Copie" }), HttpStatusCode.NotFound, "Notice introuvable.");
        Assert.Equal(HttpStatusCode.NotFound, (await Service.Http.GetAsync($"{Territory}/notices/{upper}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Service.Http.GetAsync($"{Territory}/notices/{upper}/cap.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Service.Http.GetAsync($"audio/{upper}/1.mp3")).StatusCode);

        var withdrawn = await client.PostAsJsonAsync($"api/v1/notices/{id}/withdraw", new { reason = "Publiée par erreur." });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        await AssertProblem(await Service.Http.GetAsync($"api/v1/notices/{upper}"), HttpStatusCode.NotFound, null);
        Assert.Equal(HttpStatusCode.NotFound, (await Service.Http.GetAsync($"{Territory}/notices/{upper}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Service.Http.GetAsync($"{Territory}/notices/{upper}/cap.xml")).StatusCode);
        var listed = await Service.Http.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Territory}/notices");
        Assert.DoesNotContain(listed!, n => string.Equals(n!["id"]!.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase));
        var cap = await Service.Http.GetStringAsync($"{Territory}/cap.atom");
        Assert.DoesNotContain(upper, cap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Territory_and_site_slugs_in_another_case_are_unknown()
    {
        using var client = Service.Operator(Territory, SiteB);
        await AssertProblem(await client.PostAsJsonAsync(PublishRoute(SiteB).Replace(Territory, Territory.ToUpperInvariant(), StringComparison.Ordinal), ValidDraft()), HttpStatusCode.Forbidden, null);
        await AssertProblem(await client.PostAsJsonAsync(PublishRoute(SiteB.ToUpperInvariant()), ValidDraft()), HttpStatusCode.Forbidden, null);
        await AssertProblem(await Service.Http.GetAsync($"api/v1/territories/{Territory.ToUpperInvariant()}/notices"), HttpStatusCode.NotFound, "Territoire inconnu.");
        await AssertProblem(await Service.Http.GetAsync($"api/v1/territories/{Territory.ToUpperInvariant()}/sites"), HttpStatusCode.NotFound, "Territoire inconnu.");
        Assert.Equal(HttpStatusCode.NotFound, (await Service.Http.GetAsync(Territory.ToUpperInvariant())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Service.Http.GetAsync($"{Territory}/sites/{SiteB.ToUpperInvariant()}")).StatusCode);
    }

    /// <summary>The id with one, then several, of its letters in upper case.</summary>
    private static IEnumerable<string> CaseVariants(string id)
    {
        var letters = id.Select((c, i) => (c, i)).Where(x => char.IsAsciiLetter(x.c)).Select(x => x.i).ToList();
        for (var n = 1; n <= letters.Count; n++)
        {
            var chars = id.ToCharArray();
            foreach (var i in letters.Take(n))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }

            yield return new string(chars);
            if (n < letters.Count)
            {
                var single = id.ToCharArray();
                single[letters[n]] = char.ToUpperInvariant(single[letters[n]]);
                yield return new string(single);
            }
        }
    }

    [Fact]
    public async Task Territories_health_and_openapi_are_public()
    {
        var territories = await Service.Http.GetFromJsonAsync<JsonArray>("api/v1/territories");
        var rouen = territories!.Single(t => t!["slug"]!.GetValue<string>() == Territory)!;
        Assert.Equal("P9D", rouen["retention"]!.GetValue<string>());
        Assert.NotEmpty(rouen["phoneNumbers"]!.AsArray());
        Assert.Contains(territories!, t => t!["slug"]!.GetValue<string>() == "le-havre-seine");

        var sites = await Service.Http.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Territory}/sites");
        Assert.Contains(sites!, s => s!["slug"]!.GetValue<string>() == SiteA);

        Assert.Equal(HttpStatusCode.OK, (await Service.Http.GetAsync("healthz")).StatusCode);
        var openApi = await Service.Http.GetFromJsonAsync<JsonObject>("openapi/v1.json");
        Assert.True(openApi!["paths"]!.AsObject().ContainsKey("/api/v1/territories/{territory}/sites/{site}/notices"));
    }

    [Fact]
    public async Task The_openapi_document_gives_each_route_its_answer_and_the_contract_s_refusals()
    {
        var paths = (await Service.Http.GetFromJsonAsync<JsonObject>("openapi/v1.json"))!["paths"]!;

        string[] Responses(string path, string method) =>
            [.. paths[path]![method]!["responses"]!.AsObject().Select(response => response.Key)];

        Assert.Superset(new HashSet<string> { "201", "400", "401", "403", "404", "409", "413", "429" }, Responses("/api/v1/territories/{territory}/sites/{site}/notices", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "400", "401", "403", "404", "409", "413", "429" }, Responses("/api/v1/notices/{id}/updates", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "400", "401", "403", "404", "409", "413", "429" }, Responses("/api/v1/notices/{id}/end", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "400", "401", "403", "404", "409", "413", "429" }, Responses("/api/v1/notices/{id}/withdraw", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "404", "429" }, Responses("/api/v1/notices/{id}", "get").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "404", "429" }, Responses("/api/v1/territories/{territory}/notices", "get").ToHashSet());

        var created = paths["/api/v1/territories/{territory}/sites/{site}/notices"]!["post"]!["responses"]!["201"]!;
        Assert.NotNull(created["content"]?["application/json"]?["schema"]);
        var conflict = paths["/api/v1/notices/{id}/updates"]!["post"]!["responses"]!["409"]!;
        Assert.NotNull(conflict["content"]?["application/problem+json"]);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_residents_refusals_as_it_does_the_operators()
    {
        var paths = (await Service.Http.GetFromJsonAsync<JsonObject>("openapi/v1.json"))!["paths"]!;

        HashSet<string> Responses(string path, string method) =>
            [.. paths[path]![method]!["responses"]!.AsObject().Select(response => response.Key)];

        Assert.Superset(new HashSet<string> { "201", "400", "404", "413", "415", "429" }, Responses("/api/v1/territories/{territory}/reports", "post"));
        Assert.Superset(new HashSet<string> { "200", "404", "429" }, Responses("/api/v1/territories/{territory}/reports/challenge", "post"));
        Assert.Superset(new HashSet<string> { "200", "400", "404", "413", "415" }, Responses("/api/v1/territories/{territory}/reports/locate", "post"));
        Assert.Superset(new HashSet<string> { "200", "404" }, Responses("/api/v1/territories/{territory}/reports/recent", "get"));
        Assert.Superset(new HashSet<string> { "201", "202", "400", "404", "413", "415", "429" }, Responses("/api/v1/territories/{territory}/subscriptions", "post"));
        Assert.Superset(new HashSet<string> { "200", "404", "429" }, Responses("/api/v1/territories/{territory}/subscriptions/challenge", "post"));
        Assert.Superset(new HashSet<string> { "200", "400", "404", "413", "415", "429" }, Responses("/api/v1/subscriptions/{id}/confirm", "post"));

        var refused = paths["/api/v1/territories/{territory}/reports"]!["post"]!["responses"]!["429"]!;
        Assert.NotNull(refused["content"]?["application/problem+json"]);
    }

    private static string PublishRoute(string site) => $"api/v1/territories/{Territory}/sites/{site}/notices";

    private static object ValidDraft() => new
    {
        eventType = "odour",
        nuisances = new[] { "odour" },
        title = "Odeur de gaz",
        message = "Une odeur peut être perçue près du site. Elle est sans danger.",
    };

    private static async Task<string> Publish(HttpClient client, string site)
    {
        var response = await client.PostAsJsonAsync(PublishRoute(site), ValidDraft());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response))["id"]!.GetValue<string>();
    }

    private async Task<int> PublicCount() =>
        (await Service.Http.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Territory}/notices"))!.Count;

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private static async Task<JsonObject> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        var actualTitle = problem["title"]!.GetValue<string>();
        if (title is not null)
        {
            Assert.Equal(title, actualTitle);
        }

        return problem;
    }
}
