using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace AlloIndustrie.Tests.Cluster;

/// <summary>A browser-side SignalR client watching one territory through one web front.</summary>
public sealed class NoticeWatcher : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Channel<JsonElement> received = Channel.CreateUnbounded<JsonElement>();

    private NoticeWatcher(HubConnection connection)
    {
        this.connection = connection;
        connection.On<JsonElement>("noticeChanged", notice => received.Writer.TryWrite(notice));
    }

    public static async Task<NoticeWatcher> Watch(Uri webFront, string territory)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(webFront, "hubs/notices")).Build();
        var watcher = new NoticeWatcher(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Watch", territory);
        return watcher;
    }

    /// <summary>Waits for the push of the given notice with the given status.</summary>
    public async Task<JsonElement> WaitFor(string id, string status, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await foreach (var notice in received.Reader.ReadAllAsync(timeout.Token))
        {
            if (notice.GetProperty("id").GetString() == id && notice.GetProperty("status").GetString() == status)
            {
                return notice;
            }
        }

        throw new InvalidOperationException("The channel closed.");
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
