using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// A client request sent on and not yet answered: a slot command, or (with no <see cref="Command"/>) a read of the board.
/// <see cref="Echo"/> is what its answer repeats of it; <see cref="SentAt"/> is a <see cref="TimeProvider"/> timestamp,
/// for the command timeout. <see cref="Day"/> is the dated day it went to; null for the default board.
/// </summary>
public sealed record PendingRequest(long CorrelationId, AnswerEcho Echo, ISlotCommand? Command, long SentAt)
{
    public RequestTarget.Day? Day { get; init; }

    /// <summary>The board the request is about.</summary>
    public BoardKey Board => RequestTarget.BoardOf(Day);
}
