using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;
using static AlloIndustrie.Tests.Subscriptions.SubscriptionClient;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>The contract's subscription routes over real HTTP, with mails through a real SMTP server, parsed with MimeKit.</summary>
[Collection(SubscriptionsCollection.Name)]
public sealed class SubscriptionHttpTests(SubscriptionsFixture fixture)
{
    private const string Territory = "rouen-metropole";
    private const string Site = "depot-rouen-port";

    private SmtpTestServer Smtp => fixture.Smtp;

    private HttpClient Http => fixture.Service.Http;

    [Fact]
    public async Task An_e_mail_subscription_is_confirmed_by_post_then_threaded_mails_until_a_one_click_unsubscription()
    {
        var email = "resident.http@example.org";
        var signUp = await SignUp(Http, Territory, email, new { communes = new[] { "Rouen" }, lang = "fr" });
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        var body = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("pending", body["status"]!.GetValue<string>());
        var confirmation = (await Smtp.WaitFor(1, m => IsTo(m, email))).Single();
        var confirmLink = Link(confirmation, "/abonnement/confirmer/");

        // A GET, as a mail scanner makes, shows one button and activates nothing.
        var page = await Http.GetStringAsync(confirmLink);
        Assert.Contains("<form method=\"post\"", page);
        var notYet = await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, "Torchage avant confirmation");
        await Task.Delay(1500);
        Assert.DoesNotContain(Smtp.To(email), m => (m.Subject ?? "").Contains("avant confirmation"));

        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync(confirmLink, new FormUrlEncodedContent([]))).StatusCode);
        var operatorClient = fixture.Service.Operator(Territory, Site);
        var id = await Publish(operatorClient, Territory, Site, "Torchage HTTP");
        var first = (await Smtp.WaitFor(1, m => IsTo(m, email) && (m.Subject ?? "").Contains("Torchage HTTP"))).Single();
        Assert.Equal("List-Unsubscribe=One-Click", first.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Rouen", first.TextBody);
        Assert.Contains($"/{Territory}/notices/{id}", first.HtmlBody);

        var update = await operatorClient.PostAsJsonAsync($"api/v1/notices/{id}/updates", new { message = "La flamme baisse." });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var second = (await Smtp.WaitFor(2, m => IsTo(m, email) && (m.Subject ?? "").Contains("Torchage HTTP"))).Last();
        Assert.Equal([first.MessageId!], second.References);
        Assert.Equal(first.MessageId, second.InReplyTo);

        // RFC 8058: the mail client posts List-Unsubscribe=One-Click, with no cookie and no antiforgery token.
        var unsubscribe = second.Headers["List-Unsubscribe"]!.Trim().Trim('<', '>');
        using var bare = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        var oneClick = await bare.PostAsync(unsubscribe, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(Link(second, "/abonnement/gerer/"))).StatusCode);

        var before = Smtp.To(email).Count;
        await operatorClient.PostAsJsonAsync($"api/v1/notices/{id}/end", new { message = "Fin." });
        await Publish(operatorClient, Territory, Site, "Torchage après désabonnement");
        await Task.Delay(2000);
        Assert.Equal(before, Smtp.To(email).Count);
        await operatorClient.PostAsJsonAsync($"api/v1/notices/{notYet}/withdraw", new { reason = "Essai." });
    }

    [Fact]
    public async Task Refusals_name_their_field_in_French_and_store_nothing()
    {
        var (challenge, nonce) = await Proof(Http, Territory);
        var response = await Http.PostAsJsonAsync($"api/v1/territories/{Territory}/subscriptions", new
        {
            channel = "email",
            email = "pas une adresse\u0007",
            communes = new[] { "Paris" },
            lang = "de",
            challenge,
            nonce,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("email", errors.Select(e => e.Key));
        Assert.Contains("lang", errors.Select(e => e.Key));
        Assert.Contains("valide", errors["email"]!.ToJsonString());

        var unknownCommune = await SignUp(Http, Territory, "commune.inconnue@example.org", new { communes = new[] { "Paris" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownCommune.StatusCode);
        Assert.Contains("Commune inconnue", (await unknownCommune.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["communes"]!.ToJsonString());

        var channel = await Http.PostAsJsonAsync($"api/v1/territories/{Territory}/subscriptions", new { channel = "EMAIL", email = "x@example.org" });
        Assert.Contains("channel", (await channel.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));

        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsJsonAsync("api/v1/territories/Rouen-Metropole/subscriptions", new { channel = "email", email = "x@example.org" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync("api/v1/territories/nulle-part/subscriptions/challenge", null)).StatusCode);

        var huge = new StringContent($"{{\"channel\":\"email\",\"email\":\"{new string('a', 200_000)}@example.org\"}}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Http.PostAsync($"api/v1/territories/{Territory}/subscriptions", huge)).StatusCode);

        // A token in another case, or with a character more, is nobody's.
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"abonnement/gerer/{new string('A', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync($"abonnement/desabonner/{new string('a', 65)}", null)).StatusCode);
        await Task.Delay(500);
        Assert.DoesNotContain(Smtp.Received, m => IsTo(m, "commune.inconnue@example.org") || IsTo(m, "x@example.org"));
    }

    [Fact]
    public async Task A_form_over_16_KB_is_answered_413_in_French_declared_or_chunked_and_stores_nothing()
    {
        var email = "formulaire.enorme@example.org";
        var padding = new string('a', 20_000);
        FormUrlEncodedContent Huge() => new([new("email", email), new("remarque", padding)]);

        var declared = await Http.PostAsync($"{Territory}/abonnement", Huge());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Contains("Le formulaire dépasse 16 Ko", WebUtility.HtmlDecode(await declared.Content.ReadAsStringAsync()));

        // Without Content-Length, the limit is met while reading.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, $"{Territory}/abonnement")
        {
            Content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes($"email={email}&remarque={padding}"))),
        };
        chunked.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        chunked.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Http.SendAsync(chunked)).StatusCode);

        var english = await Http.PostAsync($"{Territory}/abonnement?lang=en", Huge());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, english.StatusCode);
        Assert.Contains("larger than 16 KB", await english.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Http.PostAsync($"abonnement/gerer/{new string('a', 64)}", Huge())).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Http.PostAsync($"abonnement/code/{new string('a', 32)}", Huge())).StatusCode);
        await Task.Delay(500);
        Assert.DoesNotContain(Smtp.Received, m => IsTo(m, email));
    }

    [Fact]
    public async Task Fifty_concurrent_sign_ups_of_one_address_send_one_confirmation_and_answer_429_with_Retry_After()
    {
        var email = "cinquante@example.org";
        var proofs = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Proof(Http, Territory)));
        var responses = await Task.WhenAll(proofs.Select((p, i) => Http.PostAsJsonAsync($"api/v1/territories/{Territory}/subscriptions", new
        {
            channel = "email",
            email = i % 3 == 0 ? email.ToUpperInvariant() : email,
            challenge = p.Challenge,
            nonce = p.Nonce,
        })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        var refused = responses.Where(r => r.StatusCode == (HttpStatusCode)429).ToList();
        Assert.Equal(49, refused.Count);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromHours(1)));
        await Smtp.WaitFor(1, m => IsTo(m, email));
        await Task.Delay(1000);
        Assert.Single(Smtp.To(email));
    }

    [Fact]
    public async Task The_page_works_without_script_in_French_and_English_and_every_territory_and_notice_page_links_to_it()
    {
        var french = await Http.GetStringAsync($"{Territory}/abonnement");
        Assert.Contains("<html lang=\"fr\"", french);
        Assert.Contains("M’abonner par e-mail", french);
        // The browser's notifications: the button the script shows, and the worker it registers.
        Assert.Contains("data-push-button", french);
        Assert.Contains("Recevoir les notifications", french);
        Assert.Contains("/static/js/push.sw.js?v=", french);
        var english = await Http.GetStringAsync($"{Territory}/abonnement?lang=en");
        Assert.Contains("<html lang=\"en\"", english);
        Assert.Contains("Subscribe by e-mail", english);
        Assert.Contains("Receive notifications", english);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("Rouen-Metropole/abonnement")).StatusCode);

        Assert.Contains($"href=\"/{Territory}/abonnement\">Me prévenir</a>", await Http.GetStringAsync(Territory));
        var id = await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, "Torchage pour le lien");
        Assert.Contains($"href=\"/{Territory}/abonnement?lang=en\">Notify me</a>", await Http.GetStringAsync($"{Territory}/notices/{id}?lang=en"));

        // Without script: the form, then its confirmation after a short wait, then "check your mailbox".
        var email = "sans.script@example.org";
        var form = new Dictionary<string, string> { ["email"] = email, ["communes"] = "Rouen", ["drills"] = "non", ["lang"] = "en" };
        var wait = await (await Http.PostAsync($"{Territory}/abonnement", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(wait, "name=\"challenge\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        form["challenge"] = token;
        var done = await Http.PostAsync($"{Territory}/abonnement", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Vérifiez votre messagerie", await done.Content.ReadAsStringAsync());
        var mail = (await Smtp.WaitFor(1, m => IsTo(m, email))).Single();
        Assert.StartsWith("Confirm your subscription", mail.Subject);
    }

    [Fact]
    public async Task The_dashboard_counts_messages_and_subscriptions_without_naming_anyone_and_its_update_form_may_not_notify()
    {
        var email = "compte.tableau@example.org";
        await Subscribed(Http, Smtp, Territory, email);
        var id = await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, "Torchage compté");
        await Smtp.WaitFor(1, m => IsTo(m, email) && (m.Subject ?? "").Contains("Torchage compté"));

        var credentials = fixture.Service.Credentials.TerritoryAdmins.Single(a => a.Territory == Territory);
        using var admin = await AlloIndustrie.Tests.Dashboard.DashboardSession.SignIn(fixture.Service.BaseAddress, credentials.Email, credentials.Password);
        var territory = await admin.Html($"/tableau-de-bord/territoires/{Territory}");
        Assert.Contains("Abonnements actifs", territory);
        Assert.Matches("<td>E-mail</td><td>Tout le territoire ou sites choisis</td><td>[1-9][0-9]*</td>", territory);
        Assert.DoesNotContain(email, territory);

        var notice = await admin.Html($"/tableau-de-bord/notices/{id}");
        Assert.Contains("Messages aux abonnés", notice);
        Assert.Matches("<td>E-mail</td><td>0</td><td>[1-9][0-9]*</td><td>0</td><td>0</td>", notice);
        Assert.Contains("name=\"notify\" value=\"true\" checked", notice);
        Assert.DoesNotContain(email, notice);

        // The box unticked: the update is published, and no subscriber is told; ticked, they are.
        var quiet = await admin.Post($"/tableau-de-bord/notices/{id}?handler=Update", new() { ["message"] = "Point sans envoi." });
        Assert.Equal(HttpStatusCode.Redirect, quiet.StatusCode);
        var told = await admin.Post($"/tableau-de-bord/notices/{id}?handler=Update", new() { ["message"] = "Point envoyé.", ["notify"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, told.StatusCode);
        var mails = await Smtp.WaitFor(2, m => IsTo(m, email) && (m.Subject ?? "").Contains("Torchage compté"));
        await Task.Delay(1000);
        Assert.Equal(2, Smtp.To(email).Count(m => (m.Subject ?? "").Contains("Torchage compté")));
        Assert.Contains("Point envoyé.", mails[^1].TextBody);
    }

    [Fact]
    public async Task A_relay_refusing_connections_holds_mails_while_the_public_page_and_the_API_answer()
    {
        var email = "relais.en.panne@example.org";
        await Subscribed(Http, Smtp, Territory, email);
        await Smtp.Stop();
        try
        {
            var operatorClient = fixture.Service.Operator(Territory, Site);
            var id = await Publish(operatorClient, Territory, Site, "Torchage pendant la panne");
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(Territory)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"api/v1/notices/{id}")).StatusCode);
            await Task.Delay(3000);
        }
        finally
        {
            Smtp.Resume();
        }

        await Smtp.WaitFor(1, m => IsTo(m, email) && (m.Subject ?? "").Contains("pendant la panne"));
    }
}
