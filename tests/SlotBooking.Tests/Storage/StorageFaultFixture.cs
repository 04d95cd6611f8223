using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Storage;

/// <summary>A host tuned to notice storage faults fast: short busy timeout and frequent storage probes.</summary>
public sealed class StorageFaultHost : IAsyncDisposable
{
    private readonly List<SocketClient> _clients = [];

    private StorageFaultHost(RunningHost host) => Host = host;

    public RunningHost Host { get; }

    public static async Task<StorageFaultHost> StartAsync(string databasePath) =>
        new(await RunningHost.StartAsync(databasePath,
            "--SlotBooking:BusyTimeout=00:00:00.300",
            "--SlotBooking:StorageProbeInterval=00:00:00.200",
            "--Logging:LogLevel:Default=Critical"));

    public async Task<SocketClient> ConnectAsync()
    {
        var (client, _) = await SocketClient.ConnectAndReadInitialAsync(Host.WebSocketAddress);
        _clients.Add(client);
        return client;
    }

    /// <summary>Books and returns the answer (skipping broadcasts).</summary>
    public static async Task<JsonElement> BookAsync(SocketClient client, int slotId)
    {
        await client.BookAsync(slotId);
        return await client.ReceiveOfTypeAsync("booking_response", TimeSpan.FromSeconds(30));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync()
    {
        var response = await Host.Http.GetAsync("/health");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Health follows storage asynchronously (the probe runs every 200 ms): wait for the expected status.</summary>
    public async Task<JsonElement> WaitForHealthAsync(HttpStatusCode expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var (status, body) = await HealthAsync();
            if (status == expected) return body;
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>Storage is back when a booking goes through; earlier attempts may still meet the journal's open circuit breaker.</summary>
    public static async Task BookUntilStoredAsync(SocketClient client, int slotId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await BookAsync(client, slotId)).GetProperty("success").GetBoolean())
            await Task.Delay(100, deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) await client.DisposeAsync();
        await Host.DisposeAsync();
    }
}
