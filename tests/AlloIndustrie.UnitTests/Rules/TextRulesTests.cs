using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using Xunit;

namespace AlloIndustrie.UnitTests.Rules;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Torchage en cours")]
    [InlineData("Fumée — côté Seine, 14h30 🔥")]
    [InlineData("Première ligne\nSeconde ligne\r\n\tfin")]
    [InlineData("ZWJ in emoji 👩\u200D🔧")]
    public void Ordinary_text_passes(string text) => Assert.Null(TextRules.Problem(text, "Le message", multiline: true));

    [Theory]
    [InlineData("Fuite \u0001", "U+0001")]
    [InlineData("Fuite \u007F", "U+007F")]
    [InlineData("Fuite \u0085", "U+0085")]
    [InlineData("Fuite \u009B", "U+009B")]
    [InlineData("Fuite \uFFFE", "U+FFFE")]
    [InlineData("Fuite \uFFFF", "U+FFFF")]
    [InlineData("Fuite \U0001FFFE", "U+1FFFE")]
    public void Control_characters_noncharacters_and_lone_surrogates_are_refused_naming_the_field(string text, string code)
    {
        var problem = TextRules.Problem(text, "Le titre");

        Assert.NotNull(problem);
        Assert.StartsWith("Le titre contient", problem);
        Assert.Contains(code, problem);
    }

    [Fact]
    public void A_lone_half_of_a_surrogate_pair_is_refused()
    {
        // Not as theory data: xunit would replace a lone surrogate before the test sees it.
        Assert.Contains("U+D800", TextRules.Problem("Fuite \uD800", "Le titre"));
        Assert.Contains("U+DC00", TextRules.Problem("Fuite \uDC00 seule", "Le titre"));
        Assert.Null(TextRules.Problem("Fuite \uD83D\uDD25", "Le titre"));
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData(" \u2060\uFEFF ")]
    [InlineData("\u3164")]
    [InlineData("\u00AD\u034F")]
    [InlineData("\u0301")]
    public void Text_of_invisible_characters_only_is_refused(string text) =>
        Assert.Equal("Le titre ne contient aucun caractère visible.", TextRules.Problem(text, "Le titre"));

    [Fact]
    public void Line_breaks_and_tabs_only_where_the_field_has_several_lines()
    {
        Assert.NotNull(TextRules.Problem("Torchage\nen cours", "Le titre"));
        Assert.NotNull(TextRules.Problem("Torchage\ten cours", "Le titre"));
        Assert.Null(TextRules.Problem("Torchage\nen cours", "Le message", multiline: true));
    }

    [Fact]
    public void A_notice_draft_gets_the_rule_on_each_text_field()
    {
        var draft = new NoticeDraft("flare", ["light"], "Fuite \u0001", "Message\u0000", "\u200B", false, null, null, null);

        var errors = NoticeRules.Validate(draft, DateTimeOffset.UtcNow, NoticeRules.DefaultRetention, NoticeRules.DefaultMinimumRetention);

        Assert.StartsWith("Le titre contient", errors["title"]);
        Assert.StartsWith("Le message contient", errors["message"]);
        Assert.Equal("Le texte des consignes ne contient aucun caractère visible.", errors["instructions"]);
        Assert.StartsWith("Le motif du retrait contient", NoticeRules.ValidateText("reason", "Erreur\u001B", NoticeRules.ReasonMaxLength, "Le motif du retrait")["reason"]);
    }
}
