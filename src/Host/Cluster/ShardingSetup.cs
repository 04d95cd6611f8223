using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Serialization;
using SlotBooking.Actors.Sharding;
using SlotBooking.Actors.Slots;
using SlotBooking.Actors.Storage;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Cluster;

public static class ShardingSetup
{
    /// <summary>
    /// Boards and slots as sharded entity types, on one node as on many: shard ids are a stable hash of the entity id
    /// over <see cref="ClusterNodeOptions.Shards"/>, the coordinator's state is in distributed data, remember-entities
    /// is off (an entity starts on its next message). Each type's hand-off and passivation message is its own stop
    /// message, which waits for a write in flight (never PoisonPill, akka.net issue 6321). The messages that cross the
    /// regions are bound to <see cref="ShardMessageSerializer"/>.
    /// </summary>
    public static AkkaConfigurationBuilder AddSlotSharding(this AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        var options = services.GetSlotBookingOptions();
        var shards = services.GetRequiredService<IOptions<ClusterNodeOptions>>().Value.Shards;
        var settings = new SlotActorSettings(options.SnapshotEvery, options.SlotIdleTimeout, services.GetRequiredService<TimeProvider>());
        return akka.AddSlotSharding(settings, shards)
            // The default board starts with the service, as before sharding: its first complete view is the first
            // slots_update a new connection gets. Its answer to this read goes nowhere.
            .WithActors((_, registry) => registry.Get<BoardActor>().Tell(new BoardEnvelope(BoardKey.Default, GetBoard.Instance), ActorRefs.Nobody));
    }

    /// <summary>
    /// The regions alone, for a spec as for the host: their peers (<see cref="StorageHealthActor"/>, the DistributedPubSub
    /// mediator, <see cref="LiveDayBoards"/>) are looked up in the registry when an entity starts.
    /// </summary>
    public static AkkaConfigurationBuilder AddSlotSharding(this AkkaConfigurationBuilder akka, SlotActorSettings settings, int shards)
    {
        return akka
            .WithCustomSerializer("shard-messages", ShardMessageSerializer.BoundTypes, system => new ShardMessageSerializer(system))
            .WithShardRegion<SlotActor>(EntityTypes.Slot,
                // The peers are looked up when an entity starts: each region is registered after the other's factory is made.
                (system, registry, _) => entityId =>
                {
                    if (SlotIdentity.FromEntityId(entityId, CalendarLookup.For(system).Find) is { } identity)
                        return SlotActor.Props(identity, settings, registry.Get<BoardActor>());
                    // A calendar this node's registry does not hold yet (created through another node a moment ago).
                    if (SlotIdentity.TryParse(entityId, out var address)) return UnknownCalendarSlot.Props(address.CalendarId);
                    throw new ArgumentException($"'{entityId}' names no slot", nameof(entityId));
                },
                EntityTypes.SlotExtractor(shards),
                // Only messages through sharding count as activity: a slot's commands and reads all come that way.
                EntityShardOptions.PassivatedWhenIdle(settings.IdleTimeout, StopSlot.Instance))
            .WithShardRegion<BoardActor>(EntityTypes.Board,
                (system, registry, _) => entityId =>
                {
                    var key = BoardKey.FromEntityId(entityId) ?? throw new ArgumentException($"'{entityId}' names no board", nameof(entityId));
                    var peers = new BoardPeers(registry.Get<SlotActor>(), registry.Get<StorageHealthActor>(), registry.Get<Akka.Cluster.Tools.PublishSubscribe.DistributedPubSub>(),
                        registry.Get<LiveDayBoards>());
                    return BoardActor.Props(key, CalendarLookup.For(system).Find(key.Calendar), settings, peers);
                },
                EntityTypes.BoardExtractor(shards),
                // Days passivate themselves when idle (their slots' reports count as activity too); the default board never does.
                EntityShardOptions.PassivatingThemselves(BoardActor.Stop));
    }
}
