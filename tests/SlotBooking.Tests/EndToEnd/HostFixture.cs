using Microsoft.Extensions.DependencyInjection;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>A running host on a temporary SQLite file of its own, per test (xunit creates one per test via IAsyncLifetime).</summary>
public abstract class HostTest : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly List<SocketClient> _clients = [];

    protected RunningHost Host { get; private set; } = null!;

    protected virtual string[] HostArgs => [];

    /// <summary>Services to put into the host before it is built (a log capture, a clock); none by default.</summary>
    protected virtual Action<IServiceCollection>? HostServices => null;

    public async Task InitializeAsync() =>
        Host = HostServices is { } services
            ? await RunningHost.StartAsync(_database.Path, services, HostArgs)
            : await RunningHost.StartAsync(_database.Path, HostArgs);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients) await client.DisposeAsync();
        await Host.DisposeAsync();
        _database.Dispose();
    }

    protected async Task RestartHostAsync()
    {
        foreach (var client in _clients) await client.DisposeAsync();
        _clients.Clear();
        Host = await Host.RestartAsync();
    }

    /// <summary>A connected client whose initial <c>slots_update</c> has been read; signed in with <paramref name="bearerToken"/> if given.</summary>
    protected async Task<SocketClient> ConnectAsync(string? bearerToken = null)
    {
        var (client, initial) = await SocketClient.ConnectAndReadInitialAsync(Host.WebSocketAddress, bearerToken);
        Assert.Equal("slots_update", initial.GetProperty("type").GetString());
        _clients.Add(client);
        return client;
    }
}
