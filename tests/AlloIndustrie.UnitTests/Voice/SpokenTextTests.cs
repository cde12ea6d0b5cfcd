using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Speech;
using Xunit;

namespace AlloIndustrie.UnitTests.Voice;

/// <summary>What the voice reads: times in French words in Paris time, pronunciation fixes, the notice's script.</summary>
public sealed class SpokenTextTests
{
    // 23 November 2026 is a Monday; Paris is at UTC+1 in winter and UTC+2 in summer.
    private static readonly DateTimeOffset Monday1330Utc = new(2026, 11, 23, 13, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-23T13:30:00Z", "14 heures 30")]
    [InlineData("2026-11-23T15:00:00Z", "16 heures")]
    [InlineData("2026-11-23T11:00:00Z", "midi")]
    [InlineData("2026-11-22T23:00:00Z", "minuit")]
    [InlineData("2026-11-23T00:05:00Z", "1 heure 5")]
    [InlineData("2026-07-14T20:45:00Z", "22 heures 45")]
    public void Says_times_in_paris_time(string at, string spoken) =>
        Assert.Equal(spoken, SpokenFrench.Time(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Says_the_day_in_french()
    {
        Assert.Equal("lundi 23 novembre à 14 heures 30", SpokenFrench.DayAndTime(Monday1330Utc));
        Assert.Equal("mardi 1er décembre", SpokenFrench.Day(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Déclenchement du POI à 14h30.", "Déclenchement du P O I à 14 heures 30.")]
    [InlineData("Reprise vers 16 h, puis 9 h 05.", "Reprise vers 16 heures, puis 9 heures 5.")]
    [InlineData("Vent de 50km/h, 25 °C, 30 m³ et 80 dB(A).", "Vent de 50 kilomètres heure, 25 degrés Celsius, 30 mètres cubes et 80 décibels A.")]
    [InlineData("Site SEVESO classé ICPE, gare SNCF.", "Site Sévéso classé I C P E, gare S N C F.")]
    [InlineData("TotalEnergies informe le SDIS.", "Total Énergies informe le esse-disse.")]
    [InlineData("Le poids du poi et la POIRE.", "Le poids du poi et la POIRE.")]
    public void Fixes_what_espeak_reads_badly(string written, string spoken) =>
        Assert.Equal(spoken, PronunciationLexicon.Default.Apply(written));

    [Fact]
    public void A_territorys_entries_override_the_defaults()
    {
        var lexicon = PronunciationLexicon.WithOverrides(new Dictionary<string, string>
        {
            ["POI"] = "plan d’opération interne",
            ["Petit-Couronne"] = "Petit Couronne",
        });

        Assert.Equal("Le plan d’opération interne de Petit Couronne, S N C F.", lexicon.Apply("Le POI de Petit-Couronne, SNCF."));
    }

    [Fact]
    public void An_active_drill_says_who_what_when_and_that_it_is_an_exercise()
    {
        var notice = Notice(NoticeStatus.Active) with
        {
            Exercise = true,
            ExpectedEndAt = Monday1330Utc.AddHours(2),
            Instructions = "Aucune action n’est nécessaire",
            Updates = [new NoticeUpdate(Monday1330Utc.AddMinutes(40), "La sirène a retenti")],
        };

        var lines = NoticeScript.Compose(notice, Monday1330Utc.AddHours(1)).Split('\n');

        Assert.Equal(
        [
            "Ceci est un exercice.",
            "Seine Raffinage, site Raffinerie de Petit-Couronne.",
            "Sirène : Essai de la sirène PPI.",
            "En cours depuis le lundi 23 novembre à 14 heures 30. Fin prévue à 16 heures 30.",
            "Essai mensuel des sirènes.",
            "Mise à jour du lundi 23 novembre à 15 heures 10 : La sirène a retenti.",
            "Consignes : Aucune action n’est nécessaire.",
            "Gênes possibles : bruit.",
            "Ceci est un exercice.",
        ], lines);
    }

    [Fact]
    public void A_scheduled_or_ended_notice_says_so()
    {
        var scheduled = Notice(NoticeStatus.Scheduled) with { StartsAt = Monday1330Utc.AddHours(2.5) };
        Assert.Contains("Prévu à partir du lundi 23 novembre à 17 heures.", NoticeScript.Compose(scheduled, Monday1330Utc));

        var ended = Notice(NoticeStatus.Ended) with { EndedAt = Monday1330Utc.AddMinutes(30) };
        Assert.Contains("Terminé le lundi 23 novembre à 15 heures.", NoticeScript.Compose(ended, Monday1330Utc.AddHours(1)));
        Assert.DoesNotContain("exercice", NoticeScript.Compose(ended, Monday1330Utc.AddHours(1)));
    }

    private static NoticeSnapshot Notice(NoticeStatus status) => new(
        "n1", "rouen-metropole", "raffinerie", "Raffinerie de Petit-Couronne", "Seine Raffinage", "siren",
        ["noise"], "Essai de la sirène PPI", "Essai mensuel des sirènes", null, false, status,
        Monday1330Utc, null, Monday1330Utc, null, Monday1330Utc.AddDays(9), ImmutableArray<NoticeUpdate>.Empty,
        1, null, Monday1330Utc, null);
}
