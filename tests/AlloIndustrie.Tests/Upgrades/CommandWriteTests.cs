using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Tests.Grains;
using Xunit;

namespace AlloIndustrie.Tests.Upgrades;

/// <summary>
/// Writes carry what their caller changes: two administrators saving different fields at once both keep their
/// change, and the previous release's whole-record methods keep what their records cannot hold.
/// </summary>
public sealed class CommandWriteTests : SqliteClusterTest
{
    private const string Territory = "commandes";

    [Fact]
    public async Task Two_changes_of_different_territory_fields_at_once_both_survive_a_reactivation()
    {
        var territory = Test.Grains.GetGrain<ITerritoryGrain>(Territory);
        Assert.Equal("Commandes", (await territory.Change(new TerritoryChange { Name = "Commandes", Greeting = "Bonjour.", DefaultRetention = NoticeRules.DefaultRetention })).Value!.Name);

        await Task.WhenAll(
            territory.Change(new TerritoryChange { Name = "Commandes (renommé)", PhoneNumbers = ["+33805760001"] }),
            territory.Change(new TerritoryChange { CommuneCentres = [new CommuneCentre("Rouen", 49.443, 1.099)] }),
            territory.Change(new TerritoryChange { FreeToCall = new(false), Publisher = "Métropole" }));

        await Test.Cluster.DeactivateAsync(territory);
        var stored = (await territory.GetProfile())!;
        Assert.Equal(("Commandes (renommé)", "Bonjour.", NoticeRules.DefaultRetention), (stored.Name, stored.Greeting, stored.DefaultRetention));
        Assert.Equal(["+33805760001"], stored.PhoneNumbers.ToArray());
        Assert.Equal(["Rouen"], stored.CommuneCentres.Select(c => c.Commune));
        Assert.Equal((false, "Métropole"), (stored.FreeToCall, stored.Legal.Publisher));

        // Setting a nullable field back to null is a change too; a change is checked as a whole profile is.
        Assert.Null((await territory.Change(new TerritoryChange { FreeToCall = new(null) })).Value!.FreeToCall);
        Refused(await territory.Change(new TerritoryChange { Name = "" }), NoticeErrorKind.Invalid, "nom");
        Assert.Equal("Commandes (renommé)", (await territory.GetProfile())!.Name);
        Refused(await Test.Grains.GetGrain<ITerritoryGrain>("sans-nom").Change(new TerritoryChange { Greeting = "Bonjour." }), NoticeErrorKind.Invalid, "nouveau territoire");
        Assert.Null(await Test.Grains.GetGrain<ITerritoryGrain>("sans-nom").GetProfile());

        // A phone number of another territory is refused as such, and changes nothing.
        var other = Test.Grains.GetGrain<ITerritoryGrain>("autre-territoire");
        Assert.NotNull((await other.Change(new TerritoryChange { Name = "Autre", Greeting = "Bonjour.", DefaultRetention = NoticeRules.DefaultRetention })).Value);
        Refused(await other.Change(new TerritoryChange { PhoneNumbers = ["+33805760001"] }), NoticeErrorKind.Conflict, "appartient déjà");
        Assert.Empty((await other.GetProfile())!.PhoneNumbers);
    }

    [Fact]
    public async Task The_previous_releases_whole_profile_keeps_what_it_cannot_hold()
    {
        var territory = Test.Grains.GetGrain<ITerritoryGrain>(Territory);
        await territory.Change(new TerritoryChange { Name = "Commandes", Greeting = "Bonjour.", DefaultRetention = NoticeRules.DefaultRetention });
        await territory.Change(new TerritoryChange
        {
            CommuneCentres = [new CommuneCentre("Rouen", 49.443, 1.099)],
            FreeToCall = new(true),
            Host = "Hébergeur",
        });

        // What Orleans hands the grain for a profile from a release that had none of these fields.
        var previousRelease = new TerritoryProfile(Territory, "Commandes (ancien formulaire)", [], "Bonjour à tous.", NoticeRules.DefaultRetention)
        {
            CommuneCentres = default,
            Legal = null!,
            FreeToCall = null,
        };
        await territory.Configure(previousRelease);

        var stored = (await territory.GetProfile())!;
        Assert.Equal(("Commandes (ancien formulaire)", "Bonjour à tous."), (stored.Name, stored.Greeting));
        Assert.Equal(["Rouen"], stored.CommuneCentres.Select(c => c.Commune));
        Assert.Equal((true, "Hébergeur"), (stored.FreeToCall, stored.Legal.Host));
    }

    [Fact]
    public async Task Two_changes_of_different_site_fields_at_once_both_survive_a_reactivation()
    {
        await Test.Grains.GetGrain<ITerritoryGrain>(Territory).Change(new TerritoryChange { Name = "Commandes", Greeting = "Bonjour.", DefaultRetention = NoticeRules.DefaultRetention });
        var site = Test.Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "usine"));
        Refused(await site.Change(new SiteChange { Name = "Usine" }), NoticeErrorKind.Invalid, "nouveau site");
        Assert.Null(await site.GetProfile());
        Refused(await Test.Grains.GetGrain<ISiteGrain>(SiteKey.Of("sans-territoire", "usine")).Change(SiteChange.Between(null, new SiteSettings("Usine", "Chimie SA", "1 rue du Port", 49.4, 1.05, ["Rouen"], null, false))), NoticeErrorKind.NotFound, "Territoire inconnu");

        var end = Test.Clock.GetUtcNow().AddDays(30);
        await site.Change(SiteChange.Between(null, new SiteSettings("Usine", "Chimie SA", "1 rue du Port", 49.4, 1.05, ["Rouen"], end, false)));
        await Task.WhenAll(
            site.Change(new SiteChange { Address = "2 rue du Port", Communes = ["Rouen", "Sotteville-lès-Rouen"] }),
            site.Change(new SiteChange { Suspended = true }),
            site.Change(new SiteChange { MembershipEndsAt = new(null) }));

        await Test.Cluster.DeactivateAsync(site);
        var stored = (await site.GetProfile())!;
        Assert.Equal(("Usine", "Chimie SA", "2 rue du Port", 49.4, 1.05), (stored.Name, stored.Company, stored.Address, stored.Latitude, stored.Longitude));
        Assert.Equal(["Rouen", "Sotteville-lès-Rouen"], stored.Communes.ToArray());
        Assert.Equal((true, (DateTimeOffset?)null), (stored.Suspended, stored.MembershipEndsAt));
        var listed = (await Test.Grains.GetGrain<ITerritoryGrain>(Territory).GetSites()).Single();
        Assert.Equal(("2 rue du Port", true), (listed.Address, listed.Suspended));
        Refused(await site.Change(new SiteChange { Latitude = 91 }), NoticeErrorKind.Invalid, "latitude");
        Assert.Equal(49.4, (await site.GetProfile())!.Latitude);
    }

    private static void Refused<T>(CommandResult<T> result, NoticeErrorKind kind, string words)
        where T : class
    {
        Assert.Null(result.Value);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Contains(words, result.Error.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_change_between_two_settings_holds_only_the_fields_that_differ()
    {
        var before = new SiteSettings("Usine", "Chimie SA", "1 rue du Port", 49.4, 1.05, ["Rouen"], null, false);
        Assert.Equal(new SiteChange(), SiteChange.Between(before, before with { Communes = ["Rouen"] }));
        Assert.Equal(new SiteChange { Suspended = true }, SiteChange.Between(before, before with { Suspended = true }));

        var profile = new TerritoryProfile(Territory, "Commandes", ["+33805760001"], "Bonjour.", NoticeRules.DefaultRetention);
        Assert.Equal(new TerritoryChange(), TerritoryChange.Between(profile, profile with { PhoneNumbers = ["+33805760001"] }));
        Assert.Equal(new TerritoryChange { Greeting = "Salut." }, TerritoryChange.Between(profile, profile with { Greeting = "Salut." }));
    }
}
