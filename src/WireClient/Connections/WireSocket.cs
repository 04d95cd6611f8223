using System.Net.WebSockets;

namespace SlotBooking.WireClient.Connections;

/// <summary>
/// One WebSocket connection to the service: sends ready-made UTF-8 frames and receives whole text frames
/// into a buffer it reuses, so a busy client allocates nothing per message. Not safe for concurrent
/// receives (one reader per socket, as the protocol intends).
/// </summary>
public sealed class WireSocket : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket;
    private byte[] _buffer = new byte[4096];

    internal WireSocket(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    /// <summary>
    /// The socket itself, for what a well-behaved client never does and this class therefore does not offer:
    /// a test's binary or malformed frames. Receive only through <see cref="ReceiveAsync"/>.
    /// </summary>
    public WebSocket WebSocket => _socket;

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken = default) =>
        _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>
    /// The next text frame. The memory is valid until the next receive. Throws
    /// <see cref="ServerClosedException"/> when the server closes the socket instead.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new ServerClosedException(_socket.CloseStatus, _socket.CloseStatusDescription);
            length += result.Count;
            if (result.EndOfMessage) return _buffer.AsMemory(0, length);
        }
    }

    /// <summary>A polite close handshake, bounded in time; a socket that is already gone is simply released.</summary>
    public Task CloseAsync() =>
        CloseWithinTimeoutAsync(static (socket, ct) => socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct));

    /// <summary>
    /// Sends our close frame without waiting for the server's; a receive already pending on another task then
    /// ends with <see cref="ServerClosedException"/> when the server answers. For sockets that have a reader.
    /// </summary>
    public Task CloseOutputAsync() =>
        CloseWithinTimeoutAsync(static (socket, ct) => socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", ct));

    private async Task CloseWithinTimeoutAsync(Func<ClientWebSocket, CancellationToken, Task> close)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await close(_socket, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The server went first or the connection broke: there is nothing left to close, and a reader finds out on its own.
        }
    }

    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _socket.Dispose();
    }
}
