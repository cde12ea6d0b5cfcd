using AlloIndustrie.WebFront.Hosting;
using Microsoft.AspNetCore.Hosting.Server;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// Posts webhooks to this node as Twilio would: over HTTP on the node's own listening address (its public
/// one may not be reachable from inside), signed with the auth token for the URL the node will check.
/// </summary>
internal sealed class SimulatorWebhooks(IHttpClientFactory clients, IServer server, TwilioAuthToken authToken, PublicBaseUrl publicBaseUrl)
{
    /// <summary>The TwiML answer; <see cref="SimulatorException"/> when the line cannot be reached.</summary>
    public async Task<string> Post(string pathAndQuery, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var token = await authToken.Get() ?? throw new SimulatorException(
            "Le simulateur ne peut pas joindre la ligne : le jeton Twilio n’est pas configuré.", StatusCodes.Status503ServiceUnavailable);

        var local = LocalAddress.BaseUrl(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, local + pathAndQuery)
        {
            Content = new FormUrlEncodedContent(parameters),
        };
        request.Headers.Add(TwilioSignature.Header,
            TwilioSignature.Compute((publicBaseUrl.Configured ?? local) + pathAndQuery, parameters, token));

        using var response = await clients.CreateClient(SimulatorEndpoints.HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // A 403 here means this node checks signatures against another URL: Allo:PublicBaseUrl is wrong.
            throw new SimulatorException(
                $"La ligne a refusé l’appel simulé (HTTP {(int)response.StatusCode}).", StatusCodes.Status502BadGateway);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
