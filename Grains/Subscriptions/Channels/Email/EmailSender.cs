using System.Collections.Concurrent;
using System.Net.Sockets;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Email;

/// <summary>
/// The e-mail channel: MailKit over SMTP to the configured relay, keeping a few connections open between messages;
/// without a relay (<c>Allo:Smtp:Host</c> empty), each mail is written as an <c>.eml</c> file under the data folder.
/// A refused connection or a 4xx reply waits and retries; a 5xx refusal of the recipient at submission (a hard
/// bounce) ends the subscription.
/// </summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, ILogger<EmailSender> logger) : IChannelSender, IConfirmationSender, IDisposable
{
    private readonly ConcurrentBag<SmtpClient> idle = [];
    private readonly MailboxAddress from = MailboxAddress.Parse(options.Value.From);

    public SubscriptionChannel Channel => SubscriptionChannel.Email;

    public Task<SendOutcome> SendAsync(SubscriberContact contact, SubscriberMessage message, CancellationToken cancellationToken) =>
        Send(contact, NoticeMail.Notice(message, from), cancellationToken);

    public Task<SendOutcome> SendConfirmationAsync(SubscriberContact contact, SubscriptionConfirmation confirmation, CancellationToken cancellationToken) =>
        Send(contact, NoticeMail.Confirmation(confirmation, from), cancellationToken);

    public void Dispose()
    {
        while (idle.TryTake(out var client))
        {
            client.Dispose();
        }
    }

    private async Task<SendOutcome> Send(SubscriberContact contact, MimeMessage mail, CancellationToken cancellationToken)
    {
        if (!MailboxAddress.TryParse(contact.Address, out var to))
        {
            return SendOutcome.Ended("the address cannot be parsed");
        }

        mail.To.Add(to);
        mail.Date = DateTimeOffset.UtcNow;

        // Quoted-printable where needed: any relay, and any reader of an .eml file, gets the accents right.
        mail.Prepare(EncodingConstraint.SevenBit);
        if (string.IsNullOrWhiteSpace(options.Value.Host))
        {
            await WriteFile(mail, cancellationToken);
            return SendOutcome.Sent;
        }

        SmtpClient? client = null;
        try
        {
            client = await Connected(cancellationToken);
            await client.SendAsync(mail, cancellationToken);
            idle.Add(client);
            client = null;
            return SendOutcome.Sent;
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500 && refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return SendOutcome.Ended($"the relay refused the recipient: {(int)refused.StatusCode}");
        }
        catch (SmtpCommandException refused)
        {
            return SendOutcome.RetryLater(reason: $"the relay answered {(int)refused.StatusCode}");
        }
        catch (Exception failure) when (failure is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            logger.LogWarning("SMTP relay {Host}:{Port} unavailable: {Error}", options.Value.Host, options.Value.Port, failure.Message);
            return SendOutcome.RetryLater(reason: failure.Message);
        }
        finally
        {
            client?.Dispose();
        }
    }

    private async Task<SmtpClient> Connected(CancellationToken cancellationToken)
    {
        while (idle.TryTake(out var kept))
        {
            if (kept.IsConnected)
            {
                return kept;
            }

            kept.Dispose();
        }

        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            var security = settings.Security switch
            {
                SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.None,
            };
            var socket = await ConnectedSocket(settings, cancellationToken);
            try
            {
                await client.ConnectAsync(socket, settings.Host!, settings.Port, security, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A connection to the relay with Nagle's algorithm off: SMTP's short commands and replies otherwise wait for
    /// delayed acknowledgements, 40 ms a turn, which made one connection send about 11 mails a second on loopback.
    /// </summary>
    private static async Task<Socket> ConnectedSocket(SmtpOptions settings, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(settings.Timeout);
        try
        {
            await socket.ConnectAsync(settings.Host!, settings.Port, patience.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"no connection to {settings.Host}:{settings.Port} within {settings.Timeout.TotalSeconds:0} s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task WriteFile(MimeMessage mail, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.MailDirectory);
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{string.Concat((mail.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'))}.eml";
        var path = Path.Combine(folder, name);
        var partial = path + ".part";
        await mail.WriteToAsync(partial, cancellationToken);

        // Renamed once whole, so a reader of the folder never opens half a mail.
        File.Move(partial, path, overwrite: true);
    }
}
