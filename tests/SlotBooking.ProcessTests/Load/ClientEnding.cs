using System.Net.WebSockets;

namespace SlotBooking.ProcessTests.Load;

public enum EndingKind
{
    /// <summary>The server sent a close frame.</summary>
    ServerClosed,

    /// <summary>The connection broke without a close handshake (the process died).</summary>
    ConnectionLost,

    /// <summary>The server kept the connection but did not answer within the receive timeout.</summary>
    NoAnswer,

    /// <summary>The server answered something that does not fit the request.</summary>
    WrongAnswer,
}

/// <summary>Why one load client's loop stopped, and when.</summary>
public sealed record ClientEnding(EndingKind Kind, WebSocketCloseStatus? CloseStatus, string Detail, DateTime At)
{
    public override string ToString() => CloseStatus is { } status ? $"{Kind} ({(int)status} {status}) {Detail}" : $"{Kind}: {Detail}";
}
