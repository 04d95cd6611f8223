using System.Buffers;
using System.Net.WebSockets;
using Akka.Actor;
using SlotBooking.Actors.Sessions;
using SlotBooking.Host.Limits;

namespace SlotBooking.Host.WebSockets;

/// <summary>
/// Reads client frames off the socket and hands each complete text message to the session actor, after the
/// connection's rate limit. It never writes to the socket: a protocol violation is reported to the session,
/// which closes it (1009 too big, 1003 binary). Invalid UTF-8 and broken framing are caught by ASP.NET Core's
/// WebSocket itself, which sends the close frame (1007, 1002) and aborts the connection.
/// </summary>
public sealed class InboundFramePump(WebSocket socket, IActorRef session, int maxMessageBytes, FrameRateLimit rateLimit)
{
    private const int ReadChunkBytes = 4 * 1024;

    // This connection's frames; used only by this pump's one loop, so no lock.
    private readonly TokenBucket _frames = rateLimit.NewBucket();

    public async Task RunAsync()
    {
        try
        {
            while (await ReadMessageAsync() is { } message)
            {
                if (message.Type == WebSocketMessageType.Binary)
                {
                    session.Tell(new CloseSession(SessionClose.BinaryFrame));
                    return;
                }
                if (!_frames.TryTake(out _))
                {
                    session.Tell(new FrameRateLimited(rateLimit.Describe));
                    continue;
                }
                session.Tell(new InboundFrame(message.Bytes));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            session.Tell(ConnectionLost.Instance);
        }
    }

    /// <summary>
    /// Reads one whole message; null when the pump should stop (the client closed, or the message is too big).
    /// It waits for the message with a zero-byte read, so an idle connection holds no receive buffer; a buffer is
    /// rented only while a message is being read.
    /// </summary>
    private async Task<(WebSocketMessageType Type, byte[] Bytes)?> ReadMessageAsync()
    {
        var start = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
        if (IsClose(start)) return null;
        if (start.EndOfMessage) return (start.MessageType, []);

        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
        ArrayBufferWriter<byte>? longMessage = null;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None);
                if (IsClose(result)) return null;
                if ((longMessage?.WrittenCount ?? 0) + result.Count > maxMessageBytes)
                {
                    session.Tell(new CloseSession(SessionClose.TooBig(maxMessageBytes)));
                    return null;
                }
                // Most messages arrive in one read and are copied once; longer ones are gathered.
                if (result.EndOfMessage && longMessage is null) return (result.MessageType, chunk[..result.Count]);
                longMessage ??= new ArrayBufferWriter<byte>(2 * ReadChunkBytes);
                longMessage.Write(chunk.AsSpan(0, result.Count));
                if (result.EndOfMessage) return (result.MessageType, longMessage.WrittenSpan.ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private bool IsClose(ValueWebSocketReceiveResult result)
    {
        if (result.MessageType != WebSocketMessageType.Close) return false;
        session.Tell(ClientClosed.Instance);
        return true;
    }
}
