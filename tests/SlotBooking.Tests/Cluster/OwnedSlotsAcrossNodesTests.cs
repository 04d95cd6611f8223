using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Owners;
using SlotBooking.Host.Cluster;
using SlotBooking.Host.Persistence;
using SlotBooking.Tests.Actors;
using SlotBooking.Tests.Owners;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Cluster;

/// <summary>
/// A slot runs on whichever node sharding put it, and its owner's "my bookings" may be read or watched through any:
/// a change a slot stores on one node reaches the owners' index of another at once, through the owned-slots topic, not
/// only at the index's next catch-up from the journal (minutes later). Two actor systems in this process, each with a
/// journal file of its own, so the first node's journal never holds the booking: only the topic can bring it.
/// </summary>
public sealed class OwnedSlotsAcrossNodesTests : IAsyncLifetime
{
    private const string Alice = "alice@example.org";
    private readonly TempDatabase _firstDatabase = new();
    private ServiceNode _first = null!;
    private ServiceNode _second = null!;

    public async Task InitializeAsync()
    {
        var (firstPort, secondPort) = (LoopbackPort.Free(), LoopbackPort.Free());
        var seed = $"akka.tcp://{ClusterNodeOptions.ActorSystemName}@127.0.0.1:{firstPort}";
        var clock = new FakeTimeProvider();
        _first = ServiceNode.StartMember(firstPort, seed, clock, _firstDatabase.Path);
        _second = ServiceNode.StartMember(secondPort, seed, clock);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!new[] { _first, _second }.All(n => Akka.Cluster.Cluster.Get(n.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2))
        {
            Assert.True(DateTime.UtcNow < deadline, "the two nodes did not form a cluster in 30 s");
            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        _second.Dispose();
        _first.Dispose();
        _firstDatabase.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void A_change_stored_by_a_slot_on_one_node_shows_in_my_bookings_through_the_other()
    {
        var kit = _first.Kit;
        var owners = _first.System.ActorOf(OwnerIndex.Props(OwnerSpecKit.Settings() with { ReadJournal = PromptAllEvents.Of }, _first.Mediator), "owners");
        _second.System.ActorOf(OwnedSlotRelay.Props(_second.Mediator), "owned-slot-relay");
        var booked = new OwnedSlotChanged(Alice, OwnerSpecKit.Lab(9).PersistenceId, 1, "lab", LabDay.Thursday, 9, OwnerSpecKit.SlotSettings.Clock.GetUtcNow());

        // What the second node's slot publishes on its event stream once stored; repeated until the first node's
        // subscription has spread to it (pub-sub gossip), since a publish before that reaches nobody there.
        kit.AwaitAssert(() =>
        {
            _second.System.EventStream.Publish(booked);
            owners.Tell(new GetMyBookings(Alice), kit.TestActor);
            Assert.Equal(["lab 2026-11-26 9"], OwnerSpecKit.Slots(kit.ExpectMsg<MyBookingsRead>()));
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200));
    }
}
