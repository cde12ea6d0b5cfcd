using System.Collections.Immutable;
using System.Text;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.WebFront.Dashboard.Accounts;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using AlloIndustrie.WebFront.Dashboard.Reports;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>The perimeter table, who manages whom, and the CSV encoding, without any process.</summary>
public sealed class RulesAndCsvTests
{
    private static readonly PerimeterTarget OwnSite = new("rouen", "usine");
    private static readonly PerimeterTarget OtherSite = new("rouen", "depot");
    private static readonly PerimeterTarget OtherTerritory = new("havre", "usine");

    [Fact]
    public void Each_role_is_allowed_exactly_its_perimeter()
    {
        var op = Account(AccountRole.Operator, ["rouen"], ["rouen/usine"]);
        Assert.True(PerimeterRules.Allows(op, PerimeterAction.OperateSite, OwnSite));
        Assert.False(PerimeterRules.Allows(op, PerimeterAction.OperateSite, OtherSite));
        Assert.False(PerimeterRules.Allows(op, PerimeterAction.OperateSite, OtherTerritory));
        Assert.False(PerimeterRules.Allows(op, PerimeterAction.OperateSite, new PerimeterTarget("rouen")));
        Assert.False(PerimeterRules.Allows(op, PerimeterAction.ReadTerritory, OwnSite));

        var admin = Account(AccountRole.TerritoryAdmin, ["rouen"], []);
        Assert.True(PerimeterRules.Allows(admin, PerimeterAction.OperateSite, OtherSite));
        Assert.True(PerimeterRules.Allows(admin, PerimeterAction.AdministerTerritory, OwnSite));
        Assert.False(PerimeterRules.Allows(admin, PerimeterAction.AdministerTerritory, OtherTerritory));
        Assert.False(PerimeterRules.Allows(admin, PerimeterAction.AdministerPlatform, OwnSite));

        var authority = Account(AccountRole.Authority, ["rouen", "havre"], []);
        Assert.True(PerimeterRules.Allows(authority, PerimeterAction.ReadTerritory, OtherTerritory));
        Assert.False(PerimeterRules.Allows(authority, PerimeterAction.OperateSite, OwnSite));
        Assert.False(PerimeterRules.Allows(authority, PerimeterAction.AdministerTerritory, OwnSite));
        Assert.False(PerimeterRules.Allows(authority, PerimeterAction.ReadTerritory, new PerimeterTarget("seine")));

        var super = Account(AccountRole.SuperAdmin, [], []);
        Assert.True(PerimeterRules.Allows(super, PerimeterAction.AdministerPlatform, OtherTerritory));
        Assert.False(PerimeterRules.Allows(super with { Disabled = true }, PerimeterAction.ReadTerritory, OwnSite));
    }

    [Fact]
    public void A_territory_administrator_manages_only_operators_wholly_inside_its_territory()
    {
        var admin = Account(AccountRole.TerritoryAdmin, ["rouen"], []);
        Assert.True(AccountAdministration.CanManage(admin, Account(AccountRole.Operator, ["rouen"], ["rouen/usine"])));
        Assert.False(AccountAdministration.CanManage(admin, Account(AccountRole.Operator, ["rouen", "havre"], ["rouen/usine", "havre/usine"])));
        Assert.False(AccountAdministration.CanManage(admin, Account(AccountRole.TerritoryAdmin, ["rouen"], [])));
        Assert.False(AccountAdministration.CanManage(Account(AccountRole.Authority, ["rouen"], []), Account(AccountRole.Operator, ["rouen"], [])));
        var super = Account(AccountRole.SuperAdmin, [], []);
        Assert.True(AccountAdministration.CanManage(super, admin));
        Assert.False(AccountAdministration.CanManage(super, super));
    }

    [Fact]
    public void Csv_follows_RFC_4180_with_a_BOM_and_defuses_formulas()
    {
        var bytes = Csv.Write([["a,b", "dit \"oui\"", "ligne\nsuivante"], ["=1+1", "+33", "-2", "@SUM(A1)", "\tx", "Élément", null]], ',');
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal("\"a,b\",\"dit \"\"oui\"\"\",\"ligne\nsuivante\"\r\n'=1+1,'+33,'-2,'@SUM(A1),'\tx,Élément,\r\n", text);

        var fullwidth = Encoding.UTF8.GetString(Csv.Write([["＝1+1", "＋33", "－2", "＠SUM(A1)", "\nx", "a＝b"]], ',')[3..]);
        Assert.Equal("'＝1+1,'＋33,'－2,'＠SUM(A1),\"'\nx\",a＝b\r\n", fullwidth);

        // With the semicolon of French spreadsheets, a comma needs no quotes and a semicolon does.
        Assert.Equal("a,b;\"x;y\"\r\n", Encoding.UTF8.GetString(Csv.Write([["a,b", "x;y"]], ';')[3..]));
    }

    [Fact]
    public void Only_a_notice_published_well_before_its_start_counts_as_announced_ahead()
    {
        var atStart = AlloIndustrie.Tests.Public.SampleNotices.Notice("a");
        var halfAnHourBefore = atStart with { Id = "b", PublishedAt = atStart.StartsAt.AddMinutes(-30) };
        var ahead = atStart with { Id = "c", PublishedAt = atStart.StartsAt - NoticeStatistics.AnnouncedAheadBy };
        Assert.Equal(1, NoticeStatistics.Of([atStart, halfAnHourBefore, ahead]).AnnouncedAhead);
        Assert.Equal("1 h", NoticeStatistics.Describe(NoticeStatistics.AnnouncedAheadBy));
    }

    private static AccountRecord Account(AccountRole role, ImmutableArray<string> territories, ImmutableArray<string> sites) => new(
        $"{role}@test.example", $"{role}@TEST.EXAMPLE".ToUpperInvariant(), role.ToString(), null, "s", "c", null, 0, null, false, role,
        territories, sites, false, DateTimeOffset.UtcNow);
}
