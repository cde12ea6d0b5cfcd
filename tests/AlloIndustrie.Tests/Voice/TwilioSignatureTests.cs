using AlloIndustrie.WebFront.Voice;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>
/// Twilio's own test vectors: the URL, parameters, auth token and signatures below are those of
/// twilio/twilio-csharp, test/Twilio.Test/Security/RequestValidatorTest.cs (the same example as Twilio's
/// "Webhooks security" documentation: https://mycompany.com/myapp.php?foo=1&amp;bar=2, token 12345).
/// </summary>
public sealed class TwilioSignatureTests
{
    private const string AuthToken = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    // Deliberately out of alphabetical order, as in Twilio's test.
    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("From", "+14158675309"),
        new("Digits", "1234"),
        new("To", "+18005551212"),
        new("Caller", "+14158675309"),
    ];

    [Fact]
    public void Computes_the_documented_signature() =>
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.Compute(Url, Parameters, AuthToken));

    [Theory]
    [InlineData(Url, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData(Url, "kvajT1Ptam85bY51eRf/AJRuM3w=")] // signed with the default port :443 added
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")] // signed with :80 added
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=")]
    [InlineData("http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=")]
    public void Accepts_twilio_vectors(string url, string signature) =>
        Assert.True(TwilioSignature.IsValid(url, Parameters, AuthToken, signature));

    [Theory]
    [InlineData(Url, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")] // the host's case is signed
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData(Url, "")]
    [InlineData(Url, null)]
    public void Refuses_wrong_or_missing_signatures(string url, string? signature) =>
        Assert.False(TwilioSignature.IsValid(url, Parameters, AuthToken, signature));

    [Fact]
    public void Refuses_a_changed_parameter_or_another_token()
    {
        var changed = Parameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p).ToArray();
        Assert.False(TwilioSignature.IsValid(Url, changed, AuthToken, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.False(TwilioSignature.IsValid(Url, Parameters, "54321", "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Theory]
    [InlineData("https://allo.example.fr/voice/menu?step=2", "https://allo.example.fr:443/voice/menu?step=2")]
    [InlineData("https://allo.example.fr:443/voice/menu", "https://allo.example.fr/voice/menu")]
    [InlineData("http://allo.example.fr", "http://allo.example.fr:80")]
    [InlineData("http://user:pass@allo.example.fr:80/voice", "http://user:pass@allo.example.fr/voice")]
    [InlineData("https://[2001:db8::1]/voice", "https://[2001:db8::1]:443/voice")]
    public void Spells_the_url_with_and_without_the_default_port(string url, string other) =>
        Assert.Equal([url, other], TwilioSignature.UrlSpellings(url));

    [Fact]
    public void Leaves_a_custom_port_alone() =>
        Assert.Equal(["https://allo.example.fr:8443/voice"], TwilioSignature.UrlSpellings("https://allo.example.fr:8443/voice"));
}
