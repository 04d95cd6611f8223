using Akka.Actor;

namespace SlotBooking.Actors.Board;

/// <summary>What a board works with, on its own node.</summary>
/// <param name="Slots">The slots' shard region: the board routes each command to its hour's slot through it (<see cref="Slots.SlotEnvelope"/>).</param>
/// <param name="StorageHealth">Told of storage failures of the board and its slots.</param>
/// <param name="Publisher">The DistributedPubSub mediator: each change, once the board is ready, is published to the board's topic (<see cref="Broadcast.BoardTopic"/>), for the clients that watch it on any node.</param>
/// <param name="LiveDays">The node's bound on live day boards (<see cref="LiveDayBoards"/>); a day board registers with it when it starts. Null: no bound (a spec).</param>
public sealed record BoardPeers(IActorRef Slots, IActorRef StorageHealth, IActorRef Publisher, IActorRef? LiveDays = null);
