using System.Net.WebSockets;

namespace SlotBooking.WireClient.Load;

public enum EndingKind
{
    /// <summary>The code running the loop asked it to stop (its time was up, or it was cancelled).</summary>
    Stopped,

    /// <summary>The server sent a close frame.</summary>
    ServerClosed,

    /// <summary>The connection broke without a close handshake (the process died).</summary>
    ConnectionLost,

    /// <summary>The server kept the connection but did not answer within the response timeout.</summary>
    NoAnswer,

    /// <summary>The server answered something that does not fit the request.</summary>
    WrongAnswer,
}

/// <summary>Why one load loop stopped, and when.</summary>
public sealed record ClientEnding(EndingKind Kind, WebSocketCloseStatus? CloseStatus, string Detail, DateTime At)
{
    public override string ToString() => CloseStatus is { } status ? $"{Kind} ({(int)status} {status}) {Detail}" : $"{Kind}: {Detail}";
}
