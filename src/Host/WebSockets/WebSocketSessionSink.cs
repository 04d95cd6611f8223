using System.Net.WebSockets;
using SlotBooking.Actors.Sessions;

namespace SlotBooking.Host.WebSockets;

/// <summary>A session's frames onto an ASP.NET Core WebSocket.</summary>
public sealed class WebSocketSessionSink(WebSocket socket) : ISessionSink
{
    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8) =>
        socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public async Task CloseAsync(SessionClose close)
    {
        // Closed or broken already: there is nobody to tell.
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)close.Code, close.Reason, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection broke first; the session ends all the same.
        }
    }

    public void Abort() => socket.Abort();
}
