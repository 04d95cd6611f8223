using Akka.Cluster.Sharding;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Actors.Sharding;

/// <summary>
/// The sharded entity types and how a message names its entity. Shard ids are sharding's MurmurHash of the entity id
/// (<see cref="HashCodeMessageExtractor"/>), the same in every process; the shard count must never change in a running
/// cluster, so it is fixed configuration.
/// </summary>
public static class EntityTypes
{
    /// <summary>Boards: entity id <see cref="BoardKey.EntityId"/>, reached with a <see cref="BoardEnvelope"/>.</summary>
    public const string Board = "board";

    /// <summary>Slots: entity id = the slot's persistence id (<see cref="SlotIdentity"/>), reached with a <see cref="SlotEnvelope"/>.</summary>
    public const string Slot = "slot";

    public static IMessageExtractor BoardExtractor(int shards) => HashCodeMessageExtractor.Create(shards,
        message => message is BoardEnvelope envelope ? envelope.Board.EntityId : null!,
        message => message is BoardEnvelope envelope ? envelope.Message : message);

    public static IMessageExtractor SlotExtractor(int shards) => HashCodeMessageExtractor.Create(shards,
        message => message is SlotEnvelope envelope ? envelope.EntityId : null!,
        message => message is SlotEnvelope envelope ? envelope.Message : message);
}
