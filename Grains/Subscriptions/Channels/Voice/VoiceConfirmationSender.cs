using System.Xml.Linq;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Telephony;
using AlloIndustrie.Grains.Voice;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Voice;

/// <summary>
/// The confirmation of a voice sign-up from the page (a landline cannot read an SMS): a call that says the 6-digit
/// code twice. Its TwiML travels inside the request to Twilio, so the code never appears in a URL or a log.
/// </summary>
public sealed class VoiceConfirmationSender(
    IGrainFactory grains,
    TwilioClient twilio,
    TelephonePace pace,
    IOptions<TwilioRestOptions> twilioOptions,
    IOptions<SubscriptionOptions> options) : IConfirmationSender
{
    /// <summary>The route of the phone line's status callback, which ends the call's grain.</summary>
    private const string StatusPath = "/voice/status";

    public SubscriptionChannel Channel => SubscriptionChannel.Voice;

    public async Task<SendOutcome> SendConfirmationAsync(SubscriberContact contact, SubscriptionConfirmation confirmation, CancellationToken cancellationToken)
    {
        if (confirmation.Code is null && confirmation.ManageUrl is null)
        {
            return SendOutcome.Failed("a voice confirmation needs a code");
        }

        if (await TerritoryCaller.Number(grains, twilioOptions.Value, confirmation.Territory) is not { } from)
        {
            return SendOutcome.RetryLater(reason: $"territory {confirmation.Territory} has no number to call from");
        }

        var text = confirmation.Code is { } code
            ? PhonePhrases.ConfirmationCode(confirmation.TerritoryName, code)
            : PhonePhrases.AlreadySubscribed(confirmation.TerritoryName);
        var twiml = new XElement(
            "Response",
            new XElement("Pause", new XAttribute("length", 1)),
            new XElement("Say", new XAttribute("language", "fr-FR"), text),
            new XElement("Hangup")).ToString(SaveOptions.DisableFormatting);
        var statusCallback = options.Value.PublicBaseUrl is { } publicBase ? new Uri(publicBase, StatusPath) : null;
        await pace.Wait(confirmation.Territory, SubscriptionChannel.Voice, cancellationToken);
        return (await twilio.PlaceCallSaying(from, contact.Address, twiml, statusCallback, cancellationToken)).Outcome();
    }
}
