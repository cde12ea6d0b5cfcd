using System.Net;
using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>
/// The phone line of a demo deployment with nothing configured: the web front learns the auth token the
/// seeder generated from the phone settings grain, and checks signatures against its own URL.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class DemoPhoneLineTests(ServiceFixture fixture)
{
    private RunningService Service => fixture.Service;

    [Fact]
    public async Task Webhooks_signed_with_the_demo_token_are_answered()
    {
        var webhooks = new TwilioWebhooks(Service.Http, Service.BaseAddress.ToString().TrimEnd('/'), Service.Credentials.TwilioAuthToken);

        var answer = await webhooks.Post("/voice/incoming", TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), "+33805760002"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("Bienvenue sur AlloIndustrie Le Havre Seine", answer.Preamble.First());
    }

    [Fact]
    public async Task Webhooks_signed_with_another_token_are_refused()
    {
        var webhooks = new TwilioWebhooks(Service.Http, Service.BaseAddress.ToString().TrimEnd('/'), "not-the-demo-token");

        var answer = await webhooks.Post("/voice/incoming", TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), "+33805760002"));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Empty(answer.Body);
    }
}
