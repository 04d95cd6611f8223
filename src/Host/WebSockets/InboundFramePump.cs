using System.Buffers;
using System.Net.WebSockets;
using Akka.Actor;
using SlotBooking.Actors.Sessions;

namespace SlotBooking.Host.WebSockets;

/// <summary>
/// Reads client frames off the socket and hands each complete text message to the session actor, after the
/// connection's rate limit. It never writes to the socket: a protocol violation is reported to the session,
/// which closes it (1009 too big, 1003 binary). Invalid UTF-8 and broken framing are caught by ASP.NET Core's
/// WebSocket itself, which sends the close frame (1007, 1002) and aborts the connection.
/// </summary>
public sealed class InboundFramePump(WebSocket socket, IActorRef session, string connectionId, int maxMessageBytes, FrameRateLimiter rateLimiter)
{
    private const int ReadChunkBytes = 4 * 1024;

    public async Task RunAsync()
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
        var message = new ArrayBufferWriter<byte>(ReadChunkBytes);
        try
        {
            while (await ReadMessageAsync(chunk, message) is { } type)
            {
                if (type == WebSocketMessageType.Binary)
                {
                    session.Tell(new CloseSession(WebSocketCloseStatus.InvalidMessageType, "binary frames are not supported; send JSON text"));
                    return;
                }
                if (!rateLimiter.TryAcquire(connectionId))
                {
                    session.Tell(new FrameRateLimited(rateLimiter.Describe));
                    continue;
                }
                session.Tell(new InboundFrame(message.WrittenSpan.ToArray()));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            session.Tell(ConnectionLost.Instance);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Reads one whole message into <paramref name="message"/>; null when the pump should stop (close, or too big).</summary>
    private async Task<WebSocketMessageType?> ReadMessageAsync(byte[] chunk, ArrayBufferWriter<byte> message)
    {
        message.ResetWrittenCount();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                session.Tell(ClientClosed.Instance);
                return null;
            }
            if (message.WrittenCount + result.Count > maxMessageBytes)
            {
                session.Tell(new CloseSession(WebSocketCloseStatus.MessageTooBig, $"message exceeds {maxMessageBytes} bytes"));
                return null;
            }
            message.Write(chunk.AsSpan(0, result.Count));
        } while (!result.EndOfMessage);
        return result.MessageType;
    }
}
