using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace AlloIndustrie.Tests.Operating;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, both real processes send their traces to the collector over OTLP/HTTP.</summary>
[Collection(OperatingCollection.Name)]
public sealed class TraceExportTests(OperatingFixture fixture)
{
    private const string Territory = "le-havre-seine";
    private const string Site = "terminal-methanier";

    [Fact]
    public async Task A_publication_is_traced_from_the_web_front_to_the_silo_in_the_collectors_exports()
    {
        // The caller's trace (W3C traceparent, sampled): the web front continues it and Orleans carries it to the silo.
        var traceId = ActivityTraceId.CreateRandom();
        using var client = fixture.Service.Operator(Territory, Site);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/territories/{Territory}/sites/{Site}/notices")
        {
            Content = JsonContent.Create(new
            {
                eventType = "steam",
                nuisances = new[] { "smoke" },
                title = "Panache de vapeur tracé",
                message = "Un panache blanc de vapeur d’eau est visible au-dessus du terminal.",
            }),
        };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);

        // A span's trace id is its 16 bytes in the protobuf; strings (service name, route) are their UTF-8 bytes.
        var id = Convert.FromHexString(traceId.ToHexString());
        var route = Encoding.UTF8.GetBytes("/api/v1/territories/{territory}/sites/{site}/notices");
        var webFront = Encoding.UTF8.GetBytes("alloindustrie-webfront");
        var silo = Encoding.UTF8.GetBytes("alloindustrie-silo");
        await Polling.Eventually("both processes' spans of the publication at the collector", TimeSpan.FromSeconds(30), () => Task.FromResult(
            fixture.Collector.TraceExports.Any(body => Holds(body, webFront) && Holds(body, id) && Holds(body, route))
            && fixture.Collector.TraceExports.Any(body => Holds(body, silo) && Holds(body, id))),
            () => $"{fixture.Collector.TraceExports.Count} exports received; refused: {string.Join("; ", fixture.Collector.Refused)}");
        Assert.Empty(fixture.Collector.Refused);
    }

    [Fact]
    public async Task A_subscribers_number_and_link_token_are_not_in_the_exported_traces()
    {
        const string number = "+33612340077";
        using var resident = new HttpClient { BaseAddress = fixture.Service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var (_, managePath) = await fixture.SubscribeBySms(resident, "rouen-metropole", "06 12 34 00 77", number);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(managePath)).StatusCode);
        var token = managePath[(managePath.LastIndexOf('/') + 1)..];

        // The manage page's span is exported under its route: the export holds the request, and not its token.
        var route = Encoding.UTF8.GetBytes("/abonnement/gerer/{token}");
        await Polling.Eventually("the manage page's span at the collector", TimeSpan.FromSeconds(30), () => Task.FromResult(
            fixture.Collector.TraceExports.Any(body => Holds(body, route))));
        var exports = fixture.Collector.TraceExports.ToArray();
        foreach (var secret in new[] { token, number, number[1..], "0612340077", "06 12 34 00 77" })
        {
            var bytes = Encoding.UTF8.GetBytes(secret);
            Assert.False(exports.Any(body => Holds(body, bytes)), $"An exported span holds “{secret}”.");
        }
    }

    private static bool Holds(byte[] body, byte[] part) => body.AsSpan().IndexOf(part) >= 0;
}
