using Akka.Actor;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// What a session works with: the default calendar's slot router and board, the broadcaster, the router of dated days,
/// and <see cref="FindCalendar"/>, the calendar registry as it is now (null for an id it does not hold).
/// </summary>
public sealed record SessionPeers(IActorRef Slots, IActorRef Board, IActorRef Broadcaster, IActorRef Days, Func<string, CalendarDefinition?> FindCalendar);
