using System.Collections.Immutable;
using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Telephony;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Sms;

/// <summary>
/// Writes the SMS: a notice in at most <see cref="SmsSegments.MaxSegments"/> segments ("EXERCICE" first for a
/// drill, what happened, the title, the site, the communes, the notice's short link, how to stop), and the
/// confirmation code. What operators typed is put in GSM-7's punctuation; when it still needs UCS-2 (ê, ç…), the
/// text gets UCS-2's fewer characters. What does not fit goes first from the end of the communes, then the site's
/// name is shortened, then the title, between words: the link and the way to stop always stay.
/// </summary>
public static class NoticeSms
{
    /// <summary>The SMS of one notice version for one subscriber.</summary>
    public static string Notice(SubscriberMessage message)
    {
        var texts = SmsTexts.For(message.Language);
        var notice = message.Notice;
        var head = (message.Exercise ? texts.Drill : "") + texts.Kind(message.Kind);
        var tail = $" {ShortLink(message)} {texts.Stop}";
        var title = SmsSegments.Plain(notice.Title.Trim());
        var site = SmsSegments.Plain(notice.SiteName.Trim());
        var communes = message.Communes.IsDefault ? [] : message.Communes.Select(c => SmsSegments.Plain(c.Trim())).ToImmutableArray();

        for (var shown = communes.Length; shown >= 0; shown--)
        {
            if (Fits(Compose(head, title, site, communes, shown, tail)) is { } text)
            {
                return text;
            }
        }

        foreach (var shorterSite in Shortened(site))
        {
            if (Fits(Compose(head, title, shorterSite, communes, 0, tail)) is { } text)
            {
                return text;
            }
        }

        var shortestSite = Shortened(site).LastOrDefault() ?? site;
        foreach (var shorterTitle in Shortened(title))
        {
            if (Fits(Compose(head, shorterTitle, shortestSite, communes, 0, tail)) is { } text)
            {
                return text;
            }
        }

        return Compose(head, "", "", communes, 0, tail).Trim();
    }

    /// <summary>The confirmation code, or (to a number already subscribed) the manage link.</summary>
    public static string Confirmation(SubscriptionConfirmation confirmation)
    {
        var texts = SmsTexts.For(confirmation.Language);
        var name = SmsSegments.Plain(confirmation.TerritoryName.Trim());
        if (name.Length > 40)
        {
            name = name[..40].TrimEnd();
        }

        return confirmation.Code is { } code
            ? string.Format(CultureInfo.InvariantCulture, texts.Code, name, code)
            : string.Format(CultureInfo.InvariantCulture, texts.Already, name, confirmation.ManageUrl?.AbsoluteUri);
    }

    /// <summary>The notice's short link (<c>/n/{22 characters}</c>), in the subscriber's language.</summary>
    public static Uri ShortLink(SubscriberMessage message) => new(
        message.NoticeUrl,
        TelephonyRoutes.ShortNotice.Replace("{code}", TelephonyRoutes.ShortCode(message.Notice.Id), StringComparison.Ordinal)
            + (message.Language == Interfaces.Subscriptions.SubscriberLanguage.English ? "?lang=en" : ""));

    private static string Compose(string head, string title, string site, ImmutableArray<string> communes, int shown, string tail)
    {
        var where = shown == 0 ? ""
            : shown == communes.Length ? $" ({string.Join(", ", communes)})"
            : $" ({string.Join(", ", communes.Take(shown))} +{communes.Length - shown})";
        var what = title.Length == 0 ? site : site.Length == 0 ? title : $"{title} - {site}";
        return head + what + where + tail;
    }

    private static string? Fits(string text) => SmsSegments.Measure(text).Segments <= SmsSegments.MaxSegments ? text : null;

    /// <summary>Ever shorter forms of a text ending in "...": a word less each time, then the first word a letter less.</summary>
    private static IEnumerable<string> Shortened(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var kept = words.Length - 1; kept >= 1; kept--)
        {
            yield return string.Join(' ', words.Take(kept)).TrimEnd(',', ';', ':', '-', '.') + "...";
        }

        var first = words.FirstOrDefault() ?? "";
        for (var length = first.Length - 1; length >= 1; length--)
        {
            if (!char.IsHighSurrogate(first[length - 1]))
            {
                yield return first[..length] + "...";
            }
        }
    }
}
