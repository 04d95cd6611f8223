using Akka.Cluster.Hosting;
using Akka.Hosting;
using SlotBooking.Actors.Serialization;

namespace SlotBooking.Host.Cluster;

public static class BroadcastSetup
{
    /// <summary>
    /// DistributedPubSub on every node (its mediator in the registry, under <c>DistributedPubSub</c>), which boards
    /// publish their changes through, and the serializers of what crosses nodes on it. Before the actors that use it.
    /// </summary>
    public static AkkaConfigurationBuilder AddSlotBroadcasts(this AkkaConfigurationBuilder akka) =>
        akka.AddHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "pubsub.conf"), HoconAddMode.Prepend)
            .AddSlotBroadcastSerializers()
            .WithDistributedPubSub(role: "");

    /// <summary>The serializers of the messages boards publish; on their own for a system without a cluster (a spec).</summary>
    public static AkkaConfigurationBuilder AddSlotBroadcastSerializers(this AkkaConfigurationBuilder akka) =>
        akka.WithCustomSerializer("board-changes", BoardChangeSerializer.BoundTypes, system => new BoardChangeSerializer(system));
}
