using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Playwright;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardChecks;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>The history page as an authority uses it: its CSV opened as a spreadsheet would, its statistics and filters.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HistoryTests(DashboardFixture fixture)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task The_CSV_opens_in_a_French_spreadsheet_with_a_header_for_every_column_French_words_and_real_dates()
    {
        var title = $"=HYPERLINK(\"http://exemple.invalid\";\"clic\") {Guid.NewGuid():N}";
        var before = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime.AddMinutes(-1);
        var id = await PublishWithKey(fixture.Service, Havre, Terminal, title);
        using (var withdrawing = fixture.Service.Operator(Havre, Terminal))
        {
            await withdrawing.PostAsync($"api/v1/notices/{id}/withdraw", System.Net.Http.Json.JsonContent.Create(new { reason = "Erreur; de site" }));
        }

        var authority = await fixture.Session(Role.Authority);
        var response = await authority.Get($"/tableau-de-bord/historique?handler=Csv&territoire={Havre}&type=odour");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        // A French spreadsheet splits on the list separator of its locale, which is ';'.
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var rows = Read(bytes, french);
        var header = rows[0];
        Assert.True(header.Length > 10, string.Join(" | ", header));
        Assert.All(rows, row => Assert.Equal(header.Length, row.Length));
        Assert.Equal(header.Length, header.Distinct().Count());
        var row = rows.Single(r => r[0] == id);
        string Cell(string name) => row[Array.IndexOf(header, name)];

        Assert.Equal("Odeur", Cell("type d’événement"));
        Assert.Equal("retiré", Cell("statut"));
        Assert.Equal("Erreur; de site", Cell("motif du retrait"));
        Assert.StartsWith("'=HYPERLINK(\"http://exemple.invalid\";\"clic\")", Cell("titre"));
        Assert.Equal("0", Cell("écoutes au téléphone"));

        // Dates are what a French spreadsheet takes for a date and a time, in Paris time.
        var start = DateTime.ParseExact(Cell("début (heure de Paris)"), "dd/MM/yyyy HH:mm", french);
        Assert.InRange(start, before, before.AddMinutes(3));
        Assert.Equal(start, DateTime.Parse(Cell("publiée le"), french));

        // On request, the comma of an English spreadsheet, with dates that no locale misreads.
        var english = Read(await (await authority.Get($"/tableau-de-bord/historique?handler=Csv&territoire={Havre}&type=odour&separateur=virgule")).Content.ReadAsByteArrayAsync(), CultureInfo.GetCultureInfo("en-US"));
        Assert.Equal(header, english[0]);
        Assert.All(english, r => Assert.Equal(header.Length, r.Length));
        var englishRow = english.Single(r => r[0] == id);
        Assert.Equal(start, DateTime.Parse(englishRow[Array.IndexOf(header, "début (heure de Paris)")], CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal(start, DateTime.Parse(englishRow[Array.IndexOf(header, "début (heure de Paris)")], CultureInfo.GetCultureInfo("en-GB")));

        var unknown = await authority.Get($"/tableau-de-bord/historique?handler=Csv&territoire={Havre}&separateur=tab");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Séparateur inconnu", await unknown.Content.ReadAsStringAsync());

        var badDay = await authority.Get($"/tableau-de-bord/historique?handler=Csv&territoire={Havre}&du=31/12/2026");
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        Assert.Contains("Date invalide", await badDay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_export_button_of_the_history_s_form_downloads_the_CSV_of_its_filters()
    {
        var title = $"Odeur exportée {Guid.NewGuid():N}"[..28];
        var id = await PublishWithKey(fixture.Service, Havre, Terminal, title);
        var page = await fixture.SignedInPage(Role.Authority);
        await page.GotoAsync("/tableau-de-bord/historique");

        // The form sends every field, the empty dates too, as a browser does.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exporter en CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var rows = Read(await File.ReadAllBytesAsync(path), CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Contains(rows, r => r[0] == id);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_site_filter_lists_the_territory_s_sites_and_empty_tables_say_so()
    {
        var title = $"Odeur du filtre {Guid.NewGuid():N}"[..24];
        await PublishWithKey(fixture.Service, Havre, Terminal, title);
        var page = await fixture.SignedInPage(Role.Authority);
        await page.GotoAsync($"/tableau-de-bord/historique?territoire={Havre}");
        var site = page.GetByLabel("Site", new() { Exact = true });
        await Expect(site.Locator("option")).ToContainTextAsync(["Tous les sites", "Terminal méthanier du Havre", "Usine d’engrais du Havre"]);

        await site.SelectOptionAsync(new SelectOptionValue { Label = "Usine d’engrais du Havre" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(page.Locator("[data-count]")).ToHaveTextAsync("0");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Par site" })).ToContainTextAsync("Aucune notice.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Toutes les notices correspondantes, y compris expirées et retirées" }))
            .ToContainTextAsync("Aucune notice ne correspond à ces critères.");

        await page.GotoAsync($"/tableau-de-bord/historique?territoire={Havre}");
        await site.SelectOptionAsync(new SelectOptionValue { Label = "Terminal méthanier du Havre" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Expect(site).ToHaveValueAsync(Terminal);
        await Expect(page.Locator("[data-statistics]")).ToContainTextAsync("Annoncées à l’avance (publiées au moins 1 h avant leur début)");

        // No resident has raised an alert on the third territory.
        var admin = await fixture.SignedInPage(Role.SuperAdmin);
        await admin.GotoAsync($"/tableau-de-bord/historique?territoire={Third}");
        await Expect(admin.GetByRole(AriaRole.Table, new() { Name = "Alertes de signalements des habitants (30 derniers jours)" })).ToContainTextAsync("Aucune alerte.");
        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    private static List<string[]> Read(byte[] bytes, CultureInfo culture)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(culture));
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }
}
