using Akka.Cluster;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;
using SlotBooking.Tests.Actors;

namespace SlotBooking.Tests.Catalog;

/// <summary>The follower on a real one-node cluster, subscribed to member events as the host subscribes it.</summary>
public sealed class CatalogFollowerOnClusterSpecs() : Akka.TestKit.Xunit2.TestKit("""
    akka.actor.provider = cluster
    akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
    akka.loglevel = WARNING
    """)
{
    [Fact]
    public void A_member_coming_up_makes_it_read_the_whole_view()
    {
        var catalog = CreateTestProbe();
        var follower = Sys.ActorOf(CatalogFollower.Props(
            new CatalogMirror(new CalendarRegistry(LabDay.Default, [LabDay.Lab])), CreateTestProbe().Ref, catalog.Ref, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)));
        catalog.ExpectMsg<ReadCatalogView>();
        var cluster = Akka.Cluster.Cluster.Get(Sys);
        cluster.Subscribe(follower, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberUp));
        // The initial snapshot (no members yet) asks for nothing.
        catalog.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        cluster.Join(cluster.SelfAddress);

        catalog.ExpectMsg<ReadCatalogView>(TimeSpan.FromSeconds(15));
    }
}
