using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SlotBooking.TestSupport;

/// <summary>A real <see cref="ClientWebSocket"/> speaking the wire protocol, with receive timeouts so a test fails instead of hanging.</summary>
public sealed class SocketClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;

    private SocketClient(ClientWebSocket socket) => _socket = socket;

    public WebSocket Socket => _socket;

    public static async Task<SocketClient> ConnectAsync(Uri address, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(address, cancellationToken);
        return new SocketClient(socket);
    }

    /// <summary>Connects and reads the <c>slots_update</c> the server sends first.</summary>
    public static async Task<(SocketClient Client, JsonElement Initial)> ConnectAndReadInitialAsync(Uri address)
    {
        var client = await ConnectAsync(address);
        var initial = await client.ReceiveAsync();
        return (client, initial);
    }

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task BookAsync(int slotId) => SendTextAsync($$"""{"type":"book_slot","slot_id":{{slotId}}}""");

    public Task CancelAsync(int slotId) => SendTextAsync($$"""{"type":"cancel_slot","slot_id":{{slotId}}}""");

    /// <summary>The next text frame as JSON; throws <see cref="WebSocketClosedException"/> if the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new WebSocketClosedException(result.CloseStatus, result.CloseStatusDescription);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
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
        catch (WebSocketClosedException closed)
        {
            return closed.Status;
        }
    }

    public async Task CloseAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(DefaultTimeout);
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await CloseAsync(); }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException) { }
        _socket.Dispose();
    }
}

public sealed class WebSocketClosedException(WebSocketCloseStatus? status, string? description)
    : Exception($"The server closed the socket: {status} {description}")
{
    public WebSocketCloseStatus? Status { get; } = status;
    public string? Description { get; } = description;
}
