using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Tests.Storage;
using Xunit;

namespace AlloIndustrie.Tests.Grains;

/// <summary>
/// The rules of free text (no control or invisible character, limits, spaces trimmed) hold in the site, territory
/// and lexicon grains themselves, so that a caller going round the dashboard and the API stores nothing a page, a
/// feed, TwiML or the synthesiser could not carry.
/// </summary>
public sealed class TextRulesInGrainsTests : IAsyncLifetime
{
    private const string Territory = "regles-du-texte";
    private readonly SqliteDatabase database = new();
    private GrainTestCluster test = null!;

    public async Task InitializeAsync()
    {
        test = await GrainTestCluster.Start(database.SiloStorage());
        await TerritoryGrain.Configure(Profile());
    }

    public async Task DisposeAsync()
    {
        await test.DisposeAsync();
        database.Dispose();
    }

    private ITerritoryGrain TerritoryGrain => test.Grains.GetGrain<ITerritoryGrain>(Territory);

    private static TerritoryProfile Profile() => new(Territory, "Règles du texte", [], "Bonjour.", NoticeRules.DefaultRetention);

    private static SiteSettings Site(string name = "Usine", string company = "Société", ImmutableArray<string>? communes = null) =>
        new(name, company, "1 rue de l’Usine", 49.4, 1.0, communes ?? ["Rouen"], null, false);

    [Theory]
    [InlineData("Usine \u0001", "Le nom du site contient un caractère invisible ou de contrôle interdit (U+0001)")]
    [InlineData("Usine\nbis", "Le nom du site doit tenir sur une seule ligne")]
    [InlineData("\u200B\u200B", "Le nom du site ne contient aucun caractère visible.")]
    [InlineData("Usine \uFFFE", "(U+FFFE)")]
    public async Task A_site_named_with_what_no_page_can_carry_is_refused_and_nothing_is_stored(string name, string message)
    {
        var site = test.Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "refusee"));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => site.Configure(Site(name)));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Null(await site.GetProfile());
        Assert.DoesNotContain(await TerritoryGrain.GetSites(), s => s.Slug == "refusee");
    }

    [Fact]
    public async Task A_site_too_long_or_with_a_bad_commune_is_refused_and_the_stored_one_kept()
    {
        var site = test.Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "gardee"));
        await site.Configure(Site());

        await Assert.ThrowsAsync<ArgumentException>(() => site.Configure(Site(name: new string('u', SiteRules.NameMaxLength + 1))));
        await Assert.ThrowsAsync<ArgumentException>(() => site.Configure(Site(company: new string('s', SiteRules.CompanyMaxLength + 1))));
        var commune = await Assert.ThrowsAsync<ArgumentException>(() => site.Configure(Site(communes: ["Rouen", "Sotte\u0085ville"])));
        Assert.Contains("Le nom de commune contient un caractère invisible ou de contrôle interdit (U+0085)", commune.Message, StringComparison.Ordinal);

        Assert.Equal("Usine", (await site.GetProfile())!.Name);
        Assert.Equal<string>(["Rouen"], (await TerritoryGrain.GetSites()).Single(s => s.Slug == "gardee").Communes);
    }

    [Fact]
    public async Task A_site_is_stored_as_the_edge_would_store_it_spaces_trimmed_and_each_commune_once()
    {
        var site = test.Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "rangee"));

        var saved = await site.Configure(Site(name: "  Usine rangée  ", communes: [" Rouen ", "", "Rouen", "Darnétal"]));

        Assert.Equal("Usine rangée", saved.Name);
        Assert.Equal<string>(["Rouen", "Darnétal"], saved.Communes);
    }

    [Fact]
    public async Task The_territorys_index_refuses_a_site_that_did_not_come_through_its_grain()
    {
        var forged = new SiteProfile(Territory, "forgee", "Usine \u0007", "Société", "Rue", 49.4, 1.0, ["Rouen"], null, false);

        await Assert.ThrowsAsync<ArgumentException>(() => TerritoryGrain.SiteChanged(forged));
        await Assert.ThrowsAsync<ArgumentException>(() => TerritoryGrain.SiteChanged(forged with { Name = "Usine", Territory = "autre-territoire" }));
        await Assert.ThrowsAsync<ArgumentException>(() => TerritoryGrain.SiteChanged(forged with { Name = "Usine", Slug = "FORGEE" }));

        Assert.DoesNotContain(await TerritoryGrain.GetSites(), s => s.Slug is "forgee" or "FORGEE");
    }

    [Fact]
    public async Task A_territory_setting_with_what_no_page_can_carry_is_refused_and_nothing_changes()
    {
        var cases = new (TerritoryProfile Profile, string Message)[]
        {
            (Profile() with { Name = "Règles\u0000" }, "Le nom du territoire contient un caractère invisible"),
            (Profile() with { Name = "  " }, "Le nom du territoire est obligatoire."),
            (Profile() with { Name = new string('r', TerritoryRules.NameMaxLength + 1) }, "Le nom du territoire ne doit pas dépasser"),
            (Profile() with { Greeting = "Bonjour\u001B[31m" }, "Le message d’accueil contient un caractère invisible"),
            (Profile() with { Greeting = new string('b', TerritoryRules.GreetingMaxLength + 1) }, "Le message d’accueil ne doit pas dépasser"),
            (Profile() with { Legal = new TerritoryLegal { Publisher = "Mairie\uFFFF" } }, "L’éditeur contient un caractère invisible"),
            (Profile() with { Legal = new TerritoryLegal { PrivacyContact = "dpo@mairie.fr\n" + new string('x', 10) } }, "doit tenir sur une seule ligne"),
            (Profile() with { Legal = new TerritoryLegal { Conformity = (AccessibilityConformity)7 } }, "L’état de conformité"),
            (Profile() with { CommuneCentres = [new CommuneCentre("Rouen\u0002", 49.44, 1.09)] }, "Le nom de commune contient un caractère invisible"),
        };

        foreach (var (profile, message) in cases)
        {
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => TerritoryGrain.Configure(profile));
            Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal("Règles du texte", (await TerritoryGrain.GetProfile())!.Name);
        Assert.Equal("Bonjour.", (await TerritoryGrain.GetProfile())!.Greeting);
    }

    [Fact]
    public async Task A_territory_is_stored_trimmed_and_a_caller_without_legal_texts_keeps_the_stored_ones()
    {
        var legal = new TerritoryLegal { Publisher = "  Mairie de Rouen\nPlace du Général-de-Gaulle  ", Conformity = AccessibilityConformity.Partial };
        var saved = await TerritoryGrain.Configure(Profile() with { Name = "  Règles du texte  ", Legal = legal, FreeToCall = false });
        Assert.Equal("Règles du texte", saved.Name);
        Assert.Equal("Mairie de Rouen\nPlace du Général-de-Gaulle", saved.Legal.Publisher);

        // A web front of the previous release knows nothing of the legal texts: Orleans hands the grain none.
        var older = await TerritoryGrain.Configure(Profile() with { Greeting = "Bonjour à tous.", Legal = null! });
        Assert.Equal("Bonjour à tous.", older.Greeting);
        Assert.Equal("Mairie de Rouen\nPlace du Général-de-Gaulle", older.Legal.Publisher);
        Assert.False(older.FreeToCall);

        await test.Cluster.DeactivateAsync(TerritoryGrain);
        Assert.Equal(AccessibilityConformity.Partial, (await TerritoryGrain.GetProfile())!.Legal.Conformity);
    }

    [Fact]
    public async Task A_pronunciation_with_a_control_character_is_refused()
    {
        var lexicon = test.Grains.GetGrain<IPronunciationLexiconGrain>(Territory);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => lexicon.SetEntry("ICPE", "i cé pé \u0003"));

        Assert.Contains("Sa lecture contient un caractère invisible ou de contrôle interdit (U+0003)", refused.Message, StringComparison.Ordinal);
        Assert.False((await lexicon.GetEntries()).ContainsKey("ICPE"));
    }
}
