using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using AlloIndustrie.WebFront.Voice;

namespace AlloIndustrie.Tests.Voice;

/// <summary>Posts webhooks as Twilio does: to the service, signed for the public URL it was given.</summary>
public sealed class TwilioWebhooks(HttpClient http, string publicBaseUrl, string authToken)
{
    public static string NewCallSid() => "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The parameters Twilio sends with every voice webhook of a call.</summary>
    public static Dictionary<string, string> Call(string callSid, string to, string status = "in-progress") => new()
    {
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = callSid,
        ["CallStatus"] = status,
        ["Direction"] = "inbound",
        ["From"] = "+33612345678",
        ["Caller"] = "+33612345678",
        ["To"] = to,
        ["Called"] = to,
    };

    public async Task<Answer> Post(string pathAndQuery, IReadOnlyDictionary<string, string> parameters, string? signature = null, bool sign = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery.TrimStart('/'))
        {
            Content = new FormUrlEncodedContent(parameters),
        };
        if (sign)
        {
            request.Headers.Add(TwilioSignature.Header,
                signature ?? TwilioSignature.Compute(publicBaseUrl + pathAndQuery, parameters, authToken));
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>Follows a URL of the TwiML (an action or a redirect) as Twilio would, with optional digits.</summary>
    public Task<Answer> Follow(string url, IReadOnlyDictionary<string, string> call, string? digits)
    {
        var parameters = new Dictionary<string, string>(call);
        if (digits is not null)
        {
            parameters["Digits"] = digits;
        }

        return Post(url[publicBaseUrl.Length..], parameters);
    }

    public sealed record Answer(HttpStatusCode Status, string? MediaType, string Body)
    {
        public XElement Twiml => XDocument.Parse(Body).Root!;

        /// <summary>The texts of every <c>Say</c> outside the menu.</summary>
        public IEnumerable<string> Preamble => Twiml.Elements("Say").Select(s => s.Value);

        public XElement? Gather => Twiml.Element("Gather");

        /// <summary>The texts of every <c>Say</c> in the menu.</summary>
        public IEnumerable<string> MenuSays => Gather?.Elements("Say").Select(s => s.Value) ?? [];

        public IEnumerable<string> Plays => Gather?.Elements("Play").Select(p => p.Value) ?? [];

        public string? Action => Gather?.Attribute("action")?.Value;

        public bool HangsUp => Twiml.Element("Hangup") is not null;
    }
}
