namespace SlotBooking.Actors.Sessions;

/// <summary>Limits of one WebSocket session.</summary>
/// <param name="MaxQueuedResponses">Answers waiting to be sent beyond this mean the client is not reading: it is disconnected (1008).</param>
public sealed record SessionSettings(int MaxQueuedResponses)
{
    public static SessionSettings Default { get; } = new(256);
}
