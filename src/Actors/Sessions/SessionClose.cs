namespace SlotBooking.Actors.Sessions;

/// <summary>Why the server closes a session: a WebSocket close code (RFC 6455) and a short reason for the client.</summary>
public sealed record SessionClose(int Code, string Reason)
{
    public static SessionClose Normal { get; } = new(1000, "");
    public static SessionClose ShuttingDown { get; } = new(1001, "server is shutting down");
    public static SessionClose NotReading { get; } = new(1008, "client is not reading its messages");
    /// <summary>The session failed unexpectedly (a bug): the client is told, and may reconnect.</summary>
    public static SessionClose InternalError { get; } = new(1011, "internal error; reconnect");
    public static SessionClose BinaryFrame { get; } = new(1003, "binary frames are not supported; send JSON text");

    public static SessionClose TooBig(int maxMessageBytes) => new(1009, $"message exceeds {maxMessageBytes} bytes");
}
