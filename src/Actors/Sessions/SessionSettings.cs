using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Sessions;

/// <summary>Limits of one WebSocket session (defaults and configuration keys: the host's SlotBookingOptions).</summary>
/// <param name="MaxQueuedResponses">Answers owed to a client beyond this mean it is not reading: it is closed with 1008.</param>
/// <param name="StallTimeout">A send that has not completed after this long means the client stopped reading: the connection is dropped.</param>
/// <param name="CommandTimeout">A command with no answer from its slot after this long is answered "not confirmed", and a read with no answer from its board gets an error (the store is failing or far too slow).</param>
/// <param name="DrainTimeout">On shutdown, how long the session waits for answers to commands in flight before it closes with 1001.</param>
/// <param name="Clock">Where the session reads time (the stall and command timeouts).</param>
/// <param name="MaxWatchedBoards">How many boards one connection may watch at once; a watch beyond it gets an error.</param>
public sealed record SessionSettings(int MaxQueuedResponses, TimeSpan StallTimeout, TimeSpan CommandTimeout, TimeSpan DrainTimeout, TimeProvider Clock, int MaxWatchedBoards = 64)
{
    /// <summary>The dates a <c>get_slots</c> or <c>watch</c> may name; a date outside gets an error naming <c>date</c>.</summary>
    public ReadableDates ReadableDates { get; init; } = ReadableDates.Default;

    /// <summary>How often a busy session checks for a stalled send or overdue commands.</summary>
    public TimeSpan WatchInterval => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(50).Ticks, Math.Min(StallTimeout.Ticks, CommandTimeout.Ticks) / 4));
}
