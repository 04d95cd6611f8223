using Akka.Cluster.Sharding;
using SlotBooking.Actors.Accounts;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Limits;
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

    /// <summary>
    /// Accounts: entity id = the account's persistence id (<see cref="AccountKey.EntityIdOf"/>), reached with any
    /// <see cref="IWithAccountEmail"/> message as it is.
    /// </summary>
    public const string Account = "account";

    /// <summary>
    /// Sign-in failure limits, one per client address and one per account (<see cref="SignInLimitKeys"/>), reached with
    /// any <see cref="ISignInLimitMessage"/> as it is.
    /// </summary>
    public const string SignInLimit = "sign-in-limit";

    public static IMessageExtractor AccountExtractor(int shards) => HashCodeMessageExtractor.Create(shards,
        message => message is IWithAccountEmail m ? AccountKey.EntityIdOf(m) : null!,
        message => message);

    public static IMessageExtractor SignInLimitExtractor(int shards) => HashCodeMessageExtractor.Create(shards,
        message => message is ISignInLimitMessage m ? m.EntityId : null!,
        message => message);

    public static IMessageExtractor BoardExtractor(int shards) => HashCodeMessageExtractor.Create(shards,
        message => message is BoardEnvelope envelope ? envelope.Board.EntityId : null!,
        message => message is BoardEnvelope envelope ? envelope.Message : message);

    public static IMessageExtractor SlotExtractor(int shards) => HashCodeMessageExtractor.Create(shards,
        message => message is SlotEnvelope envelope ? envelope.EntityId : null!,
        message => message is SlotEnvelope envelope ? envelope.Message : message);
}
