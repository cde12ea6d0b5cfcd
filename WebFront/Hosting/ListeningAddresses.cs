using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// Says where the web front listens once the server has bound its addresses: whatever set them (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>, Kestrel settings, port 0), this is the address to open, on the console whatever the
/// logging settings, so that <c>./run.sh</c> never shows a guess.
/// </summary>
public sealed class ListeningAddresses(IServer server, IHostApplicationLifetime lifetime) : IHostedService
{
    public const string Prefix = "AlloIndustrie web front listening on";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.Count > 0)
            {
                Console.Error.WriteLine($"{Prefix} {string.Join(", ", addresses)} (dashboard: {addresses.First().TrimEnd('/')}{DashboardExtensions.Root})");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
