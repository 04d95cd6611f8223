using System.Net.WebSockets;

namespace SlotBooking.WireClient.Connections;

/// <summary>The server sent a close frame where a message was expected; its status says why (1001 going away, 1008 policy, ...).</summary>
public sealed class ServerClosedException(WebSocketCloseStatus? status, string? description)
    : Exception($"the server closed the connection ({status} {description})".Replace(" )", ")", StringComparison.Ordinal))
{
    public WebSocketCloseStatus? Status { get; } = status;

    public string? Description { get; } = description;
}
