using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;

namespace SlotBooking.Host.Cluster;

/// <summary>
/// The shard options every entity type of this service uses, stated once: coordinator state in distributed data (no
/// journal of its own), remember-entities off (an entity starts on its next message), and the type's own hand-off stop
/// message, never a PoisonPill, so that a write in flight is never cut (akka.net 6321).
/// </summary>
public static class EntityShardOptions
{
    /// <summary>Idle entities are passivated by sharding after <paramref name="idleAfter"/> without a message through it.</summary>
    public static ShardOptions PassivatedWhenIdle(TimeSpan idleAfter, object handOffStop) => new()
    {
        StateStoreMode = StateStoreMode.DData,
        RememberEntities = false,
        ShouldPassivateIdleEntities = true,
        PassivateIdleEntityAfter = idleAfter,
        HandOffStopMessage = handOffStop,
    };

    /// <summary>Entities that decide themselves when to passivate (sharding's idle timer off).</summary>
    public static ShardOptions PassivatingThemselves(object handOffStop) => new()
    {
        StateStoreMode = StateStoreMode.DData,
        RememberEntities = false,
        ShouldPassivateIdleEntities = false,
        HandOffStopMessage = handOffStop,
    };
}
