using AlloIndustrie.Grains.Interfaces;
using Xunit;

namespace AlloIndustrie.UnitTests.Rules;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("rouen-metropole", true)]
    [InlineData("cafe", true)]
    [InlineData("Rouen-metropole", false)]
    [InlineData("rouen-metropole\n", false)]
    [InlineData(" rouen", false)]
    [InlineData("r", false)]
    [InlineData("rouen_metropole", false)]
    [InlineData("rouen-métropole", false)]
    [InlineData("territoire-de-quarante-caracteres-pile40", true)]
    [InlineData("territoire-de-quarante-et-un-caracteres41", false)]
    [InlineData("un-slug-de-soixante-caracteres-accepte-pour-un-site-pas-plus", false)]
    public void A_territory_slug_has_one_spelling(string slug, bool valid) => Assert.Equal(valid, Identifiers.IsTerritory(slug));

    [Theory]
    [InlineData("raffinerie-petit-couronne", true)]
    [InlineData("un-slug-de-soixante-caracteres-accepte-pour-un-site-pas-plus", true)]
    [InlineData("un-slug-de-soixante-et-un-caracteres-refuse-pour-un-site-jams", false)]
    [InlineData("Raffinerie", false)]
    public void A_site_slug_has_one_spelling(string slug, bool valid) => Assert.Equal(valid, Identifiers.IsSite(slug));

    [Fact]
    public void Ids_are_given_in_the_form_they_are_checked_against()
    {
        Assert.True(Identifiers.IsNoticeId(Identifiers.NewNoticeId()));
        Assert.True(Identifiers.IsRandomId(Identifiers.NewRandomId()));
        Assert.True(Identifiers.IsApiKeyId(Identifiers.NewApiKeyId()));
        Assert.True(Identifiers.IsCallSid("CA" + Identifiers.NewRandomId()));
    }

    [Theory]
    [InlineData("0190ABCDEF0123456789ABCDEF012345")]
    [InlineData("0190abcd-ef01-2345-6789-abcdef012345")]
    [InlineData("{0190abcdef0123456789abcdef012345}")]
    [InlineData("0190abcdef0123456789abcdef012345\n")]
    [InlineData("0190abcdef0123456789abcdef01234")]
    public void A_notice_id_in_any_other_form_is_refused(string id) => Assert.False(Identifiers.IsNoticeId(id));

    [Theory]
    [InlineData("0123456789ABCDEF")]
    [InlineData("123456789abcdef")]
    [InlineData("0123456789abcdef0")]
    public void An_api_key_id_in_any_other_form_is_refused(string id) => Assert.False(Identifiers.IsApiKeyId(id));
}
