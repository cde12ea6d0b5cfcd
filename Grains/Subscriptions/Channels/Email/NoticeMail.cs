using System.Net;
using System.Text;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using MimeKit;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Email;

/// <summary>
/// Writes the mails: plain text and HTML of the same words, readable without images, with no tracking pixel and
/// no rewritten link; notice mails carry RFC 8058's one-click unsubscription and ids that thread a notice's
/// versions together.
/// </summary>
public static class NoticeMail
{
    /// <summary>
    /// The mail of one notice version for one subscriber. Its <c>Message-ID</c> is the same however often it is
    /// written (a re-send after a crash is recognised as the same message); versions after the first refer to the
    /// first version's id, so mail clients show a notice as one conversation.
    /// </summary>
    public static MimeMessage Notice(SubscriberMessage message, MailboxAddress from)
    {
        var texts = MailTexts.For(message.Language);
        var notice = message.Notice;
        var domain = Domain(from);
        var mail = new MimeMessage();
        mail.From.Add(from);
        mail.Subject = Subject(message, texts);
        mail.MessageId = MessageId(notice.Id, message.Version, message.SubscriptionId, domain);
        if (message.Version > 1)
        {
            var first = MessageId(notice.Id, 1, message.SubscriptionId, domain);
            mail.InReplyTo = first;
            mail.References.Add(first);
        }

        mail.Headers.Add("List-Unsubscribe", $"<{message.UnsubscribeUrl.AbsoluteUri}>");
        mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mail.Headers.Add("List-Id", $"{message.TerritoryName} <{notice.Territory}.{domain}>");
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Headers.Add(HeaderId.ContentLanguage, message.Language == SubscriberLanguage.English ? "en" : "fr");

        var lines = new List<(string? Label, string Text)>();
        if (message.Exercise)
        {
            lines.Add((null, texts.Drill));
        }

        lines.Add((null, texts.Kind(message.Kind)));
        lines.Add((texts.Site, $"{notice.SiteName} ({notice.Company})"));
        if (!message.Communes.IsDefaultOrEmpty)
        {
            lines.Add((texts.Communes, string.Join(", ", message.Communes)));
        }

        lines.Add((texts.Start, texts.Time(notice.StartsAt)));
        if (notice.ExpectedEndAt is { } expectedEnd && message.Kind is not (NoticeMessageKind.Ended or NoticeMessageKind.Withdrawn))
        {
            lines.Add((texts.ExpectedEnd, texts.Time(expectedEnd)));
        }

        var paragraphs = new List<(string? Label, string Text)> { (null, notice.Message) };
        if (!string.IsNullOrWhiteSpace(notice.Instructions))
        {
            paragraphs.Add((texts.Instructions, notice.Instructions));
        }

        if (message.Kind is NoticeMessageKind.Updated or NoticeMessageKind.Ended && !notice.Updates.IsDefaultOrEmpty)
        {
            var latest = notice.Updates[^1];
            paragraphs.Add(($"{texts.LatestUpdate} ({texts.Time(latest.At)})", latest.Message));
        }

        if (message.Kind == NoticeMessageKind.Withdrawn && !string.IsNullOrWhiteSpace(notice.WithdrawnReason))
        {
            paragraphs.Add((texts.Reason, notice.WithdrawnReason));
        }

        var footer = string.Format(texts.Why, message.TerritoryName);
        var text = new StringBuilder();
        text.AppendLine(notice.Title).AppendLine();
        foreach (var (label, value) in lines)
        {
            text.AppendLine(label is null ? value : label + Colon(message) + value);
        }

        foreach (var (label, value) in paragraphs)
        {
            text.AppendLine();
            if (label is not null)
            {
                text.AppendLine(label + Colon(message).TrimEnd());
            }

            text.AppendLine(value);
        }

        text.AppendLine().AppendLine(texts.SeeNotice + Colon(message) + message.NoticeUrl.AbsoluteUri);
        text.AppendLine().AppendLine("-- ").AppendLine(footer)
            .AppendLine($"{texts.Manage}{Colon(message)}{message.ManageUrl.AbsoluteUri}")
            .AppendLine($"{texts.Unsubscribe}{Colon(message)}{message.UnsubscribeUrl.AbsoluteUri}");

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(message.Language == SubscriberLanguage.English ? "en" : "fr")
            .Append("\"><head><meta charset=\"utf-8\"><title>").Append(E(mail.Subject)).Append("</title></head>")
            .Append("<body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;max-width:40em;margin:0 auto;padding:1em\">");
        if (message.Exercise)
        {
            html.Append("<p style=\"font-weight:bold;font-size:1.2em;color:#6a1b9a;margin:0\">").Append(E(texts.Drill)).Append("</p>");
        }

        html.Append("<p style=\"margin:0;color:#444\">").Append(E(texts.Kind(message.Kind))).Append("</p>")
            .Append("<h1 style=\"font-size:1.4em;margin:.3em 0\">").Append(E(notice.Title)).Append("</h1><ul style=\"padding-left:1.2em\">");
        foreach (var (label, value) in lines.Where(l => l.Label is not null))
        {
            html.Append("<li><strong>").Append(E(label!)).Append("</strong>").Append(E(Colon(message))).Append(E(value)).Append("</li>");
        }

        html.Append("</ul>");
        foreach (var (label, value) in paragraphs)
        {
            if (label is not null)
            {
                html.Append("<h2 style=\"font-size:1.1em;margin:1em 0 .2em\">").Append(E(label)).Append("</h2>");
            }

            html.Append("<p style=\"margin:.2em 0;white-space:pre-line\">").Append(E(value)).Append("</p>");
        }

        html.Append("<p style=\"margin:1.5em 0\"><a href=\"").Append(E(message.NoticeUrl.AbsoluteUri)).Append("\">").Append(E(texts.SeeNotice)).Append("</a></p>")
            .Append("<hr><p style=\"font-size:.9em;color:#444\">").Append(E(footer)).Append("<br><a href=\"")
            .Append(E(message.ManageUrl.AbsoluteUri)).Append("\">").Append(E(texts.Manage)).Append("</a> · <a href=\"")
            .Append(E(message.UnsubscribeUrl.AbsoluteUri)).Append("\">").Append(E(texts.Unsubscribe)).Append("</a></p></body></html>");

        mail.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return mail;
    }

    /// <summary>The confirmation of an e-mail sign-up (a link to the page with one button), or the note that the address is already subscribed.</summary>
    public static MimeMessage Confirmation(SubscriptionConfirmation confirmation, MailboxAddress from)
    {
        var texts = MailTexts.For(confirmation.Language);
        var already = confirmation.ConfirmUrl is null;
        var link = (confirmation.ConfirmUrl ?? confirmation.ManageUrl)!;
        var mail = new MimeMessage();
        mail.From.Add(from);
        mail.Subject = string.Format(already ? texts.AlreadySubject : texts.ConfirmSubject, confirmation.TerritoryName);
        mail.MessageId = $"confirm.{confirmation.SubscriptionId}.{Guid.NewGuid():N}@{Domain(from)}";
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        var intro = string.Format(already ? texts.AlreadyIntro : texts.ConfirmIntro, confirmation.TerritoryName);
        var label = already ? texts.Manage : texts.ConfirmButton;
        var text = new StringBuilder().AppendLine(intro).AppendLine().AppendLine(link.AbsoluteUri).AppendLine();
        if (!already)
        {
            text.AppendLine(texts.ConfirmIgnore);
        }

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(confirmation.Language == SubscriberLanguage.English ? "en" : "fr")
            .Append("\"><head><meta charset=\"utf-8\"><title>").Append(E(mail.Subject)).Append("</title></head>")
            .Append("<body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;max-width:40em;margin:0 auto;padding:1em\"><p>")
            .Append(E(intro)).Append("</p><p><a href=\"").Append(E(link.AbsoluteUri)).Append("\">").Append(E(label)).Append("</a></p>");
        if (!already)
        {
            html.Append("<p style=\"font-size:.9em;color:#444\">").Append(E(texts.ConfirmIgnore)).Append("</p>");
        }

        mail.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.Append("</body></html>").ToString() }.ToMessageBody();
        return mail;
    }

    /// <summary>The id of one notice version's mail to one subscriber.</summary>
    public static string MessageId(string noticeId, int version, string subscriptionId, string domain) =>
        $"notice.{noticeId}.v{version}.{subscriptionId}@{domain}";

    private static string Subject(SubscriberMessage message, MailTexts texts)
    {
        var subject = $"{texts.Kind(message.Kind)} – {message.Notice.Title}";
        return message.Exercise ? $"{texts.Drill} – {subject}" : subject;
    }

    private static string Colon(SubscriberMessage message) =>
        message.Language == SubscriberLanguage.English ? ": " : " : ";

    private static string Domain(MailboxAddress from) => from.Domain is { Length: > 0 } domain ? domain : "localhost";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
