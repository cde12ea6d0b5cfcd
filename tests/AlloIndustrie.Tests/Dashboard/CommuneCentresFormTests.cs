using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Dashboard.Pages;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>The territory's form of commune centres: what it shows, what it refuses and in which words, what it stores.</summary>
public sealed class CommuneCentresFormTests
{
    private static readonly ImmutableArray<SiteProfile> Sites =
    [
        new("t", "raffinerie", "Raffinerie", "R", "Route", 49.3862, 1.0187, ["Petit-Couronne", "Grand-Couronne"], null, false),
        new("t", "depot", "Dépôt", "D", "Quai", 49.4457, 1.0645, ["Rouen", "Petit-Couronne", "Éauplet"], null, false),
    ];

    [Fact]
    public void Every_commune_of_the_sites_gets_a_row_in_French_order_with_its_stored_centre()
    {
        var form = CommuneCentresForm.From(Sites, [new CommuneCentre("Rouen", 49.443, 1.099), new CommuneCentre("Ailleurs", 48, 2)]);

        Assert.Equal(
            [new("Éauplet", "", ""), new("Grand-Couronne", "", ""), new("Petit-Couronne", "", ""), new CommuneCentreRow("Rouen", "49.443", "1.099")],
            form.Rows.AsEnumerable());
    }

    [Fact]
    public void Impossible_or_mistyped_centres_are_refused_naming_the_commune()
    {
        var form = CommuneCentresForm.Posted(
            ["Rouen", "Petit-Couronne", "Grand-Couronne", "Éauplet", "Paris"],
            ["1.099", "NaN", "49.357", "49,44", "48.85"],
            ["49.443", "1.028", "", "200", "2.35"]);

        Assert.Equal(
            [
                "« Rouen » : ce centre est à plus de 50 km de tous les sites du territoire. Vérifiez la latitude et la longitude (sont-elles inversées ?).",
                "« Petit-Couronne » : la latitude doit être un nombre entre -90 et 90, par exemple 49.443.",
                "« Grand-Couronne » : indiquez la latitude et la longitude du centre, ou aucune des deux.",
                "« Éauplet » : la longitude doit être un nombre entre -180 et 180, par exemple 1.099.",
                "« Paris » n’est pas une commune des sites du territoire : rechargez la page.",
            ],
            form.Check(Sites).AsEnumerable());
        Assert.Equal(
            ["Une commune figure deux fois dans le formulaire : rechargez la page."],
            CommuneCentresForm.Posted(["Rouen", "Rouen"], ["49.443", "49.443"], ["1.099", "1.099"]).Check(Sites).AsEnumerable());
    }

    [Fact]
    public void Posted_rows_set_or_clear_their_centre_and_communes_not_in_the_form_keep_theirs()
    {
        ImmutableArray<CommuneCentre> current = [new("Éauplet", 49.43, 1.11), new("Grand-Couronne", 49.357, 1.007), new("Rouen", 49.4, 1.0), new("Ailleurs", 48, 2)];
        var form = CommuneCentresForm.Posted(["Rouen", "Grand-Couronne", "Petit-Couronne"], ["49,443", " ", "49.386"], ["1,099", "", "1.028"]);

        Assert.Empty(form.Check(Sites));
        Assert.Equal(
            [new("Éauplet", 49.43, 1.11), new("Petit-Couronne", 49.386, 1.028), new CommuneCentre("Rouen", 49.443, 1.099)],
            form.ToCentres(current, Sites).AsEnumerable());
    }
}
