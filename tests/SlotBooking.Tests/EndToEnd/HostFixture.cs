using Microsoft.Extensions.DependencyInjection;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>
/// A running host on storage of its own, per test (xunit creates one per test via IAsyncLifetime): a temporary SQLite
/// file, or what <see cref="StorageArgsAsync"/> gives (a class that runs the same tests on PostgreSQL).
/// </summary>
public abstract class HostTest : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly List<SocketClient> _clients = [];

    protected RunningHost Host { get; private set; } = null!;

    protected virtual string[] HostArgs => [];

    /// <summary>Services to put into the host before it is built (a log capture, a clock); none by default.</summary>
    protected virtual Action<IServiceCollection>? HostServices => null;

    /// <summary>Arguments that choose the storage, kept across restarts; none (the temporary SQLite file) by default.</summary>
    protected virtual Task<string[]> StorageArgsAsync() => Task.FromResult<string[]>([]);

    /// <summary>Every argument the host was started with after the database path: the storage's, then <see cref="HostArgs"/>.</summary>
    protected string[] StartArgs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        StartArgs = [.. await StorageArgsAsync(), .. HostArgs];
        Host = HostServices is { } services
            ? await RunningHost.StartAsync(_database.Path, services, StartArgs)
            : await RunningHost.StartAsync(_database.Path, StartArgs);
    }

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
