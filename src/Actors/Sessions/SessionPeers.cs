using Akka.Actor;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// What a session works with: the <see cref="Boards"/> its requests go to (every board, by its key), the broadcaster,
/// and <see cref="FindCalendar"/>, the calendar registry as it is now (null for an id it does not hold).
/// </summary>
public sealed record SessionPeers(Boards Boards, IActorRef Broadcaster, Func<string, CalendarDefinition?> FindCalendar)
{
    /// <summary>The owners' "my bookings" read models, told of each signed-in connection (<c>WatchOwner</c>).</summary>
    public IActorRef Owners { get; init; } = ActorRefs.Nobody;

    /// <summary>Validates the <c>token</c> field of messages; without one, every message token is refused.</summary>
    public ITokenValidator? Tokens { get; init; }
}
