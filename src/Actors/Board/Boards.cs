using Akka.Actor;

namespace SlotBooking.Actors.Board;

/// <summary>
/// How sessions and HTTP routes reach a board by its key. Every board's messages may go through the board router
/// (<see cref="BoardEnvelope"/>); the default calendar's board, which lives as long as the service, is told directly,
/// so that the seed's hot path (a booking on the default calendar) takes no hop through the router. This is the one
/// place that tells the two apart.
/// </summary>
public sealed record Boards(IActorRef Router, IActorRef DefaultBoard)
{
    /// <summary>Sends <paramref name="message"/> (a slot command, a <see cref="ReadBoard"/> or a <see cref="GetBoard"/>) to the board.</summary>
    public void Tell(BoardKey board, object message, IActorRef sender)
    {
        if (board.IsDefault) DefaultBoard.Tell(message, sender);
        else Router.Tell(new BoardEnvelope(board, message), sender);
    }

    /// <summary>Asks the board, waiting at most <paramref name="timeout"/> for its answer.</summary>
    public Task<T> Ask<T>(BoardKey board, object message, TimeSpan timeout, CancellationToken cancellationToken) =>
        board.IsDefault
            ? DefaultBoard.Ask<T>(message, timeout, cancellationToken)
            : Router.Ask<T>(new BoardEnvelope(board, message), timeout, cancellationToken);
}
