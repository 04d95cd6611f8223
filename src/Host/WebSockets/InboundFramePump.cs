using System.Buffers;
using System.Net.WebSockets;
using Akka.Actor;
using SlotBooking.Actors.Sessions;

namespace SlotBooking.Host.WebSockets;

/// <summary>
/// Reads client frames off the socket and hands each complete text message to the session actor.
/// It never writes to the socket: a protocol violation is reported to the session, which closes it.
/// </summary>
public static class InboundFramePump
{
    private const int ReadChunkBytes = 4 * 1024;

    public static async Task RunAsync(WebSocket socket, IActorRef session, int maxMessageBytes)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
        var message = new ArrayBufferWriter<byte>(ReadChunkBytes);
        try
        {
            while (true)
            {
                message.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        session.Tell(ClientClosed.Instance);
                        return;
                    }
                    if (message.WrittenCount + result.Count > maxMessageBytes)
                    {
                        session.Tell(new CloseSession(WebSocketCloseStatus.MessageTooBig, $"message exceeds {maxMessageBytes} bytes"));
                        return;
                    }
                    message.Write(chunk.AsSpan(0, result.Count));
                } while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    session.Tell(new CloseSession(WebSocketCloseStatus.InvalidMessageType, "binary frames are not supported; send JSON text"));
                    return;
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
}
