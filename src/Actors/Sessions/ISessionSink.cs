namespace SlotBooking.Actors.Sessions;

/// <summary>
/// Where a session's frames go: the host puts a WebSocket behind it; actor specs a recording stand-in. The session
/// calls it from one sender at a time (never two sends at once, nothing after <see cref="CloseAsync"/>).
/// </summary>
public interface ISessionSink
{
    /// <summary>Sends one whole text message. Usually completes at once; a pending send means the client is slow.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> utf8);

    /// <summary>Sends the close frame; completes once it is sent (or failed).</summary>
    Task CloseAsync(SessionClose close);

    /// <summary>Drops the connection without a close handshake (a client that does not read cannot receive one).</summary>
    void Abort();
}
