using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Words;
using Xunit;

namespace AlloIndustrie.UnitTests.Rules;

public sealed class VocabularyTests
{
    public static TheoryData<Language> Languages => [Language.French, Language.English];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_word_of_the_closed_lists_has_a_name_in_each_language(Language language)
    {
        var words = Vocabulary.For(language);
        Assert.Equal(language, words.Language);
        Assert.All(Vocabulary.EventTypeKeys, key => Assert.False(string.IsNullOrWhiteSpace(words.EventTypes[key])));
        Assert.All(Vocabulary.NuisanceKeys, key => Assert.False(string.IsNullOrWhiteSpace(words.Nuisances[key])));
        Assert.All(Enum.GetValues<NoticeStatus>(), status => Assert.False(string.IsNullOrWhiteSpace(words.Status(status))));
        Assert.All(Enum.GetValues<AccountRole>(), role => Assert.False(string.IsNullOrWhiteSpace(words.Role(role))));
        Assert.All(Vocabulary.ReportKindKeys, kind =>
        {
            Assert.False(string.IsNullOrWhiteSpace(words.ReportKind(kind)));
            Assert.False(string.IsNullOrWhiteSpace(words.ReportKindChoice(kind)));
        });
    }

    [Fact]
    public void English_words_carry_no_French_typography()
    {
        var english = Vocabulary.English;
        var all = english.EventTypes.Values.Concat(english.Nuisances.Values)
            .Concat(Enum.GetValues<NoticeStatus>().Select(english.Status))
            .Concat(Vocabulary.ReportKindKeys.SelectMany(kind => new[] { english.ReportKind(kind), english.ReportKindChoice(kind) }));
        Assert.All(all, word => Assert.DoesNotMatch("[àâçéèêëîïôûùüÿœ’«»\u202f\u00a0]", word));
        Assert.Equal("Flaring", english.EventType("flare"));
        Assert.Equal("ongoing", english.Status(NoticeStatus.Active));
        Assert.Equal("Torchage", Vocabulary.French.EventType("flare"));
        Assert.Equal("en cours", Vocabulary.French.Status(NoticeStatus.Active));
    }

    [Theory]
    [InlineData("1", "odour")]
    [InlineData("2", "smoke")]
    [InlineData("3", "noise")]
    [InlineData("4", "light")]
    [InlineData("5", "other")]
    [InlineData("6", null)]
    [InlineData("0", null)]
    [InlineData("11", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_phone_key_chooses_the_report_kind_the_menu_names_there(string? digits, string? kind) =>
        Assert.Equal(kind, ReportVocabulary.OfDigit(digits));

    [Fact]
    public void A_kind_nobody_knows_is_counted_as_other() => Assert.Equal("Autre", Vocabulary.French.ReportKind("vibration"));
}
