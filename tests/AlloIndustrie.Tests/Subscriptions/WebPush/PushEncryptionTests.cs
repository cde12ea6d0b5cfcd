using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AlloIndustrie.Grains.Subscriptions.Channels.WebPush;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

public sealed class PushEncryptionTests
{
    [Fact]
    public void Encryption_gives_the_worked_example_of_RFC_8291_byte_for_byte()
    {
        // RFC 8291, Appendix A.
        var plaintext = "When I grow up, I want to be a watermelon"u8.ToArray();
        var userAgentPublic = Base64Url.DecodeFromChars("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        var authSecret = Base64Url.DecodeFromChars("BTBZMqHH6r4Tts7J_aSIgg");
        var senderPublic = Base64Url.DecodeFromChars("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
        var salt = Base64Url.DecodeFromChars("DGv6ra1nlYgDCS1FRnbzlw");
        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = Base64Url.DecodeFromChars("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"),
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..65] },
        });

        var message = PushEncryption.Encrypt(plaintext, userAgentPublic, authSecret, sender, salt);

        Assert.Equal(
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
            Base64Url.EncodeToString(message));
    }

    [Fact]
    public void Each_message_has_its_own_key_and_salt_and_only_its_browser_opens_it()
    {
        using var browser = new BrowserPushSubscription(new Uri("https://push.example/abc"));
        using var other = new BrowserPushSubscription(new Uri("https://push.example/def"));
        var text = Encoding.UTF8.GetBytes("""{"title":"Torchage en cours à Petit-Couronne"}""");

        var first = PushEncryption.Encrypt(text, browser.PublicKey, browser.AuthSecret);
        var second = PushEncryption.Encrypt(text, browser.PublicKey, browser.AuthSecret);

        Assert.Equal(text, browser.Decrypt(first));
        Assert.Equal(text, browser.Decrypt(second));
        Assert.NotEqual(first[..16], second[..16]);
        Assert.NotEqual(first[21..86], second[21..86]);
        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(first));
    }

    [Fact]
    public void A_payload_larger_than_one_record_is_refused_rather_than_cut()
    {
        using var browser = new BrowserPushSubscription(new Uri("https://push.example/abc"));

        Assert.Throws<ArgumentException>(() =>
            PushEncryption.Encrypt(new byte[PushEncryption.MaxPlaintextLength + 1], browser.PublicKey, browser.AuthSecret));
        Assert.Equal(PushEncryption.MaxPlaintextLength, browser.Decrypt(
            PushEncryption.Encrypt(new byte[PushEncryption.MaxPlaintextLength], browser.PublicKey, browser.AuthSecret)).Length);
    }
}
