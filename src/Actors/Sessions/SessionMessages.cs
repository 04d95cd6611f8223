namespace SlotBooking.Actors.Sessions;

/// <summary>One complete text frame from the client, as UTF-8.</summary>
public sealed record InboundFrame(ReadOnlyMemory<byte> Utf8);

/// <summary>The client sent more frames than its rate limit allows; the frame was dropped unread.</summary>
public sealed record FrameRateLimited(string Reason);

/// <summary>The client sent a close frame: answer it and end the session.</summary>
public sealed record ClientClosed
{
    public static ClientClosed Instance { get; } = new();
    private ClientClosed() { }
}

/// <summary>The connection broke (no close handshake is possible): end the session.</summary>
public sealed record ConnectionLost
{
    public static ConnectionLost Instance { get; } = new();
    private ConnectionLost() { }
}

/// <summary>The server ends the session at once with a close frame (a protocol violation or a limit).</summary>
public sealed record CloseSession(SessionClose Close);

/// <summary>The server is stopping: take no new commands, answer those in flight, then close with 1001.</summary>
public sealed record DrainSession
{
    public static DrainSession Instance { get; } = new();
    private DrainSession() { }
}
