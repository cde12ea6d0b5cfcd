using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.WebFront.Dashboard.Components;

/// <summary>The dashboard's names of the subscription channels.</summary>
public static class SubscriptionLabels
{
    public static string Channel(SubscriptionChannel channel) => channel switch
    {
        SubscriptionChannel.WebPush => "Notifications du navigateur",
        SubscriptionChannel.Email => "E-mail",
        SubscriptionChannel.Sms => "SMS",
        _ => "Appel vocal",
    };
}
