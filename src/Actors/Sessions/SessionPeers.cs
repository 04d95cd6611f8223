using Akka.Actor;

namespace SlotBooking.Actors.Sessions;

/// <summary>The actors a session talks to: the slot router, the board (reads) and the broadcaster.</summary>
public sealed record SessionPeers(IActorRef Slots, IActorRef Board, IActorRef Broadcaster);
