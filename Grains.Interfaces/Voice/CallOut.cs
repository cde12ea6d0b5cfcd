using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// A call the service places to a subscriber about one notice version, as the URLs Twilio calls back carry it
/// (<c>?t={manage token}&amp;n={notice}&amp;v={version}</c>, signed by Twilio with everything else): the token lets
/// key 9 unsubscribe, the notice and version say what to play.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CallOut")]
public sealed record CallOut(
    [property: Id(0)] string ManageToken,
    [property: Id(1)] string NoticeId,
    [property: Id(2)] int Version)
{
    /// <summary>Where Twilio asks what to play once the call is answered (the call's <c>Url</c>).</summary>
    public const string AnswerPath = "/voice/callout";

    /// <summary>The action of the call-out's menu.</summary>
    public const string MenuPath = "/voice/callout/menu";

    /// <summary>The call-out's status callback.</summary>
    public const string StatusPath = "/voice/callout/status";

    /// <summary>The subscription the call is for (the token's first half).</summary>
    public string SubscriptionId => ManageToken[..32];

    /// <summary>The key of its call-out grain: one per subscription and notice version.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{SubscriptionId}.{NoticeId}.{Version}");

    /// <summary>The query the call-out's URLs carry.</summary>
    public string Query => string.Create(CultureInfo.InvariantCulture, $"?t={ManageToken}&n={NoticeId}&v={Version}");

    /// <summary>Reads the query's three values, accepting only their canonical forms.</summary>
    public static bool TryParse(string? token, string? noticeId, string? version, [NotNullWhen(true)] out CallOut? callOut)
    {
        callOut = SubscriptionTokens.TryParse(token, out _, out _) && Identifiers.IsNoticeId(noticeId)
            && version is { Length: > 0 and < 10 } && version[0] != '0'
            && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new CallOut(token, noticeId, number)
            : null;
        return callOut is not null;
    }
}
