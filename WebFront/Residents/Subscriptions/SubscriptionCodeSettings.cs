using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>The web front's limit on SMS confirmation codes (<c>Allo:Subscriptions</c>).</summary>
public sealed record SubscriptionCodeSettings
{
    /// <summary>Codes one client may have sent per day, whatever the numbers (<c>Allo:Subscriptions:CodesPerClientPerDay</c>).</summary>
    public int CodesPerClientPerDay { get; init; } = 5;

    public static SettingException? Check(SubscriptionCodeSettings settings) =>
        SettingRules.AtLeastOne($"{SubscriptionLimits.Section}:CodesPerClientPerDay", settings.CodesPerClientPerDay);
}
