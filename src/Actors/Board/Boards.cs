using Akka.Actor;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Actors.Board;

/// <summary>
/// How sessions and HTTP routes reach a board by its key: reads and a day's commands go through the boards' shard
/// region; a command for the default board goes straight to its slot through the slots' region. A day must see its
/// commands first (it journals the hours they touch); the default board has every hour touched, and its slots report
/// their stored state to it anyway, so its commands do not wait for it (nor for its node).
/// </summary>
/// <param name="Region">The boards' shard region.</param>
/// <param name="Slots">The slots' shard region.</param>
/// <param name="FindCalendar">The calendar registry as it is now: a default-board command for an hour the default calendar lacks is refused here, as its board refuses it.</param>
public sealed record Boards(IActorRef Region, IActorRef Slots, Func<string, CalendarDefinition?> FindCalendar)
{
    /// <summary>Sends <paramref name="message"/> (a slot command, a <see cref="ReadBoard"/> or a <see cref="GetBoard"/>) where it goes for the board.</summary>
    public void Tell(BoardKey board, object message, IActorRef sender)
    {
        switch (DirectRoute(board, message))
        {
            case SlotReply refusal:
                sender.Tell(refusal);
                break;
            case SlotEnvelope toSlot:
                Slots.Tell(toSlot, sender);
                break;
            default:
                Region.Tell(new BoardEnvelope(board, message), sender);
                break;
        }
    }

    /// <summary>Sends a slot command where it goes for the board and waits at most <paramref name="timeout"/> for the slot's answer.</summary>
    public Task<SlotReply> Command(BoardKey board, ISlotCommand command, TimeSpan timeout, CancellationToken cancellationToken) =>
        DirectRoute(board, command) switch
        {
            SlotReply refusal => Task.FromResult(refusal),
            SlotEnvelope toSlot => Slots.Ask<SlotReply>(toSlot, timeout, cancellationToken),
            _ => Region.Ask<SlotReply>(new BoardEnvelope(board, command), timeout, cancellationToken),
        };

    /// <summary>Asks the board (a read), waiting at most <paramref name="timeout"/> for its answer.</summary>
    public Task<T> Ask<T>(BoardKey board, object message, TimeSpan timeout, CancellationToken cancellationToken) =>
        Region.Ask<T>(new BoardEnvelope(board, message), timeout, cancellationToken);

    /// <summary>
    /// For a default-board command: its refusal (an hour the default calendar lacks, the board's own check) or its
    /// slot's envelope; the slot judges the rest (access rule, requester, state). Null for anything that goes through
    /// the board, including a default-board command when the registry holds no default calendar (its board refuses it).
    /// </summary>
    private object? DirectRoute(BoardKey board, object message)
    {
        if (!board.IsDefault || message is not ISlotCommand command || FindCalendar(CalendarDefinition.DefaultId) is not { } calendar) return null;
        return BoardWindow.UnknownHour(calendar, command)
               ?? (object)new SlotEnvelope(SlotIdentity.OfDefault(command.SlotId).PersistenceId, command);
    }
}
