using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.TestSupport;

/// <summary>
/// A test's connection to the service: the wire client library's socket, with frames read as JSON elements and
/// a timeout on every receive, so a test fails instead of hanging.
/// </summary>
public sealed class SocketClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Connector _connector;

    private SocketClient(Connector connector, WireSocket wire)
    {
        _connector = connector;
        Wire = wire;
    }

    /// <summary>The library's socket, for running the library's own loops on this connection.</summary>
    public WireSocket Wire { get; }

    /// <summary>The WebSocket itself, for frames a well-behaved client never sends (binary, invalid UTF-8).</summary>
    public WebSocket Socket => Wire.WebSocket;

    /// <param name="bearerToken">Sent as <c>Authorization: Bearer</c> at the upgrade; null connects anonymously.</param>
    public static async Task<SocketClient> ConnectAsync(Uri address, CancellationToken cancellationToken = default, string? bearerToken = null)
    {
        var connector = new Connector(address);
        try
        {
            return new SocketClient(connector, await connector.ConnectAsync(cancellationToken, bearerToken));
        }
        catch
        {
            connector.Dispose();
            throw;
        }
    }

    /// <summary>Connects and reads the <c>slots_update</c> the server sends first.</summary>
    public static async Task<(SocketClient Client, JsonElement Initial)> ConnectAndReadInitialAsync(Uri address, string? bearerToken = null)
    {
        var client = await ConnectAsync(address, bearerToken: bearerToken);
        // A signed-in connection also gets my_bookings at connect, in either order.
        var initial = bearerToken is null ? await client.ReceiveAsync() : await client.ReceiveOfTypeAsync("slots_update");
        return (client, initial);
    }

    /// <summary>Any text, as it is: for frames that are not well-formed requests.</summary>
    public Task SendTextAsync(string text) => Wire.SendAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    public Task BookAsync(int slotId, string? requestId = null) => Wire.SendAsync(RequestEncoder.Book(slotId, requestId)).AsTask();

    public Task CancelAsync(int slotId, string? requestId = null) => Wire.SendAsync(RequestEncoder.Cancel(slotId, requestId)).AsTask();

    public Task GetSlotsAsync(string? requestId = null) => Wire.SendAsync(RequestEncoder.GetSlots(requestId)).AsTask();

    /// <summary>The next text frame as JSON; throws <see cref="ServerClosedException"/> if the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var utf8 = await Wire.ReceiveAsync(cts.Token);
        using var document = JsonDocument.Parse(utf8);
        return document.RootElement.Clone();
    }

    /// <summary>Reads frames until one has the given <c>type</c>, skipping others (broadcasts interleave with answers).</summary>
    public async Task<JsonElement> ReceiveOfTypeAsync(string type, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) throw new TimeoutException($"No '{type}' message within the timeout");
            var message = await ReceiveAsync(remaining);
            if (message.GetProperty("type").GetString() == type) return message;
        }
    }

    /// <summary>Waits for the server's close frame and returns its status.</summary>
    public async Task<WebSocketCloseStatus?> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        try
        {
            while (true) await ReceiveAsync(timeout);
        }
        catch (ServerClosedException closed)
        {
            return closed.Status;
        }
    }

    /// <summary>A polite close handshake, bounded in time; a connection that is already gone is left as it is.</summary>
    public Task CloseAsync() => Wire.CloseAsync();

    public async ValueTask DisposeAsync()
    {
        await Wire.DisposeAsync();
        _connector.Dispose();
    }
}
