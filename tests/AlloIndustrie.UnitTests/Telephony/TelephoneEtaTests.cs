using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Telephony;
using AlloIndustrie.WebFront.Dashboard.Components;
using Xunit;

namespace AlloIndustrie.UnitTests.Telephony;

/// <summary>The time left of a delivery at a territory's rates, as the dashboard says it.</summary>
public sealed class TelephoneEtaTests
{
    [Theory]
    [InlineData(SubscriptionChannel.Voice, 2300, 1, 1, "2\u202F300 appels : 39 min")]
    [InlineData(SubscriptionChannel.Voice, 2300, 1, 10, "2\u202F300 appels : 4 min")]
    [InlineData(SubscriptionChannel.Sms, 2300, 1, 1, "2\u202F300 SMS : 39 min")]
    [InlineData(SubscriptionChannel.Sms, 2300, 50, 1, "2\u202F300 SMS : moins d’une minute")]
    [InlineData(SubscriptionChannel.Voice, 1, 1, 1, "1 appel : moins d’une minute")]
    [InlineData(SubscriptionChannel.Voice, 9000, 1, 1, "9\u202F000 appels : 2 h 30")]
    public void Says_how_long_what_is_left_takes(SubscriptionChannel channel, int left, int sms, int calls, string expected) =>
        Assert.Equal(expected, TelephoneEta.Of(channel, left, new TelephoneRates(sms, calls)));

    [Theory]
    [InlineData(SubscriptionChannel.Email, 100)]
    [InlineData(SubscriptionChannel.WebPush, 100)]
    [InlineData(SubscriptionChannel.Voice, 0)]
    public void Says_nothing_for_other_channels_or_nothing_left(SubscriptionChannel channel, int left) =>
        Assert.Null(TelephoneEta.Of(channel, left, TelephoneRates.Twilio));
}
