using System.Buffers.Text;
using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

public sealed class WebPushSubscriptionRulesTests
{
    private static readonly PushOrigins Defaults = PushOrigins.Parse(WebPushOptions.DefaultPushOrigins);
    private readonly BrowserPushSubscription browser = new(new Uri("https://fcm.googleapis.com/fcm/send/abc"));

    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/dXJ0aGU6YWJj")]
    [InlineData("https://FCM.googleapis.com/fcm/send/dXJ0aGU6YWJj")]
    [InlineData("https://updates.push.services.mozilla.com/wpush/v2/gAAAAABh")]
    [InlineData("https://web.push.apple.com/QGuQyavXutnMH")]
    [InlineData("https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB")]
    public void The_major_browsers_push_services_are_accepted(string endpoint) =>
        Assert.Empty(WebPushSubscriptionRules.Check(endpoint, browser.P256dh, browser.Auth, Defaults));

    [Theory]
    [InlineData("http://fcm.googleapis.com/fcm/send/abc", "doit être en https")]
    [InlineData("https://fcm.googleapis.com:8443/fcm/send/abc", "n’appartient à aucun service")]
    [InlineData("https://fcm.googleapis.com.evil.example/fcm/send/abc", "n’appartient à aucun service")]
    [InlineData("https://evil.example/?https://fcm.googleapis.com/", "n’appartient à aucun service")]
    [InlineData("https://127.0.0.1/push", "n’appartient à aucun service")]
    [InlineData("https://notify.windows.com.evil.example/w", "n’appartient à aucun service")]
    [InlineData("https://user:pass@fcm.googleapis.com/fcm/send/abc", "pas une adresse https valide")]
    [InlineData("ftp://fcm.googleapis.com/abc", "pas une adresse https valide")]
    [InlineData("/fcm/send/abc", "pas une adresse https valide")]
    [InlineData("", "obligatoire")]
    public void An_endpoint_outside_the_push_origins_is_refused_in_French(string endpoint, string message)
    {
        var errors = WebPushSubscriptionRules.Check(endpoint, browser.P256dh, browser.Auth, Defaults);

        Assert.Contains(message, Assert.Single(errors, e => e.Key == WebPushSubscriptionRules.EndpointField).Value);
        Assert.Single(errors);
    }

    [Fact]
    public void A_too_long_endpoint_is_refused() =>
        Assert.True(WebPushSubscriptionRules.Check(
            "https://fcm.googleapis.com/" + new string('a', WebPushSubscriptionRules.MaxEndpointLength), browser.P256dh, browser.Auth, Defaults)
            .ContainsKey(WebPushSubscriptionRules.EndpointField));

    [Fact]
    public void Keys_of_the_wrong_length_or_off_the_curve_are_refused()
    {
        var endpoint = "https://fcm.googleapis.com/fcm/send/abc";
        string[] badKeys =
        [
            "", Base64Url.EncodeToString(browser.PublicKey[..64]), Base64Url.EncodeToString([.. browser.PublicKey, 0]),
            Base64Url.EncodeToString([0x02, .. browser.PublicKey[1..]]), Base64Url.EncodeToString([0x04, .. new byte[64]]),
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw5", "pas du base64 !",
        ];
        foreach (var key in badKeys)
        {
            var errors = WebPushSubscriptionRules.Check(endpoint, key, browser.Auth, Defaults);
            Assert.Contains("65 octets", Assert.Single(errors).Value);
            Assert.Equal(WebPushSubscriptionRules.P256dhField, errors.Single().Key);
        }

        foreach (var auth in new[] { "", Base64Url.EncodeToString(browser.AuthSecret[..15]), Base64Url.EncodeToString(new byte[17]), "%%%%" })
        {
            var errors = WebPushSubscriptionRules.Check(endpoint, browser.P256dh, auth, Defaults);
            Assert.Equal(WebPushSubscriptionRules.AuthField, Assert.Single(errors).Key);
        }

        // Browsers give base64url without padding; with it, the key is read all the same.
        Assert.Empty(WebPushSubscriptionRules.Check(endpoint, browser.P256dh + "=", browser.Auth + "==", Defaults));
    }

    [Fact]
    public void A_deployment_may_list_its_own_origins_plain_http_included()
    {
        var origins = PushOrigins.Parse("https://push.example.fr, http://127.0.0.1:9100");

        Assert.Empty(WebPushSubscriptionRules.Check("http://127.0.0.1:9100/push/1", browser.P256dh, browser.Auth, origins));
        Assert.NotEmpty(WebPushSubscriptionRules.Check("http://127.0.0.1:9101/push/1", browser.P256dh, browser.Auth, origins));
        Assert.NotEmpty(WebPushSubscriptionRules.Check("https://fcm.googleapis.com/fcm/send/1", browser.P256dh, browser.Auth, origins));
        Assert.Throws<FormatException>(() => PushOrigins.Parse("https://push.example.fr/path"));
        Assert.Throws<FormatException>(() => PushOrigins.Parse("push.example.fr"));
    }
}
