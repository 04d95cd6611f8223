using Akka.Actor;

namespace SlotBooking.Actors.Board;

/// <summary>
/// How sessions and HTTP routes reach a board by its key: through the boards' shard region, the one path for the
/// default board and every day alike.
/// </summary>
public sealed record Boards(IActorRef Region)
{
    /// <summary>Sends <paramref name="message"/> (a slot command, a <see cref="ReadBoard"/> or a <see cref="GetBoard"/>) to the board.</summary>
    public void Tell(BoardKey board, object message, IActorRef sender) => Region.Tell(new BoardEnvelope(board, message), sender);

    /// <summary>Asks the board, waiting at most <paramref name="timeout"/> for its answer.</summary>
    public Task<T> Ask<T>(BoardKey board, object message, TimeSpan timeout, CancellationToken cancellationToken) =>
        Region.Ask<T>(new BoardEnvelope(board, message), timeout, cancellationToken);
}
