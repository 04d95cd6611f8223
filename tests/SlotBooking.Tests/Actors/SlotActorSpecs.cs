using Akka.Actor;
using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>A slot actor journaling to a real SQLite file: its decisions, its replies, and its recovery.</summary>
public sealed class SlotActorSpecs : IDisposable
{
    private static readonly SlotActorSettings Settings = SlotActorSettings.Default;

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Books_refuses_a_double_booking_cancels_and_refuses_cancelling_a_free_slot()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var board = kit.CreateTestProbe();
        var slot = kit.Sys.ActorOf(SlotActor.Props(9, Settings, board.Ref));
        Assert.False(board.ExpectSlotState().State.IsBooked);

        slot.Tell(new BookSlot(9), kit.TestActor);
        var booked = kit.ExpectMsg<SlotReply>().Result;
        Assert.Equal(SlotOutcome.Done, booked.Outcome);
        Assert.Equal("Slot 9 booked successfully", booked.Message);
        Assert.True(board.ExpectSlotState().State.IsBooked);

        slot.Tell(new BookSlot(9), kit.TestActor);
        Assert.Equal(SlotOutcome.AlreadyBooked, kit.ExpectMsg<SlotReply>().Result.Outcome);
        board.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        slot.Tell(new CancelSlot(9), kit.TestActor);
        var cancelled = kit.ExpectMsg<SlotReply>().Result;
        Assert.Equal(SlotOutcome.Done, cancelled.Outcome);
        Assert.Equal("Slot 9 booking cancelled successfully", cancelled.Message);
        Assert.False(board.ExpectSlotState().State.IsBooked);

        slot.Tell(new CancelSlot(9), kit.TestActor);
        Assert.Equal(SlotOutcome.NotBooked, kit.ExpectMsg<SlotReply>().Result.Outcome);
    }

    [Fact]
    public void A_new_actor_system_on_the_same_file_recovers_the_same_state()
    {
        DateTimeOffset? bookedAt;
        using (var first = PersistentSystem.Start(_database.Path))
        {
            var kit = first.Kit;
            var slot = kit.Sys.ActorOf(SlotActor.Props(5, Settings, kit.CreateTestProbe().Ref));
            slot.Tell(new BookSlot(5), kit.TestActor);
            Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
            var other = kit.Sys.ActorOf(SlotActor.Props(6, Settings, kit.CreateTestProbe().Ref));
            other.Tell(new BookSlot(6), kit.TestActor);
            kit.ExpectMsg<SlotReply>();
            other.Tell(new CancelSlot(6), kit.TestActor);
            Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
            slot.Tell(new GetSlotState(5), kit.TestActor);
            bookedAt = kit.ExpectMsg<SlotState>().BookedAt;
        }

        using var second = PersistentSystem.Start(_database.Path);
        var kit2 = second.Kit;
        var board = kit2.CreateTestProbe();
        kit2.Sys.ActorOf(SlotActor.Props(5, Settings, board.Ref));
        kit2.Sys.ActorOf(SlotActor.Props(6, Settings, board.Ref));

        var recovered = new[] { board.ExpectSlotState().State, board.ExpectSlotState().State }
            .ToDictionary(s => s.SlotId);
        Assert.Equal(new SlotState(5, bookedAt), recovered[5]);
        Assert.Equal(SlotState.Free(6), recovered[6]);
    }

    [Fact]
    public void Recovery_from_a_snapshot_and_later_events_gives_the_same_state()
    {
        var settings = Settings with { SnapshotEvery = 3 };
        using (var first = PersistentSystem.Start(_database.Path))
        {
            var kit = first.Kit;
            var slot = kit.Sys.ActorOf(SlotActor.Props(7, settings, kit.CreateTestProbe().Ref));
            // 7 events: a snapshot after the 3rd and the 6th, then one more event on top.
            for (var i = 0; i < 3; i++)
            {
                slot.Tell(new BookSlot(7), kit.TestActor);
                Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
                slot.Tell(new CancelSlot(7), kit.TestActor);
                Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
            }
            slot.Tell(new BookSlot(7), kit.TestActor);
            Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
        }

        using var second = PersistentSystem.Start(_database.Path);
        var kit2 = second.Kit;
        var board = kit2.CreateTestProbe();
        kit2.Sys.ActorOf(SlotActor.Props(7, settings, board.Ref));
        Assert.True(board.ExpectSlotState().State.IsBooked);
    }

    [Fact]
    public void Many_simultaneous_bookings_of_one_slot_have_exactly_one_winner()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var slot = kit.Sys.ActorOf(SlotActor.Props(11, Settings, kit.CreateTestProbe().Ref));
        var clients = Enumerable.Range(0, 50).Select(_ => kit.CreateTestProbe()).ToList();

        foreach (var client in clients) slot.Tell(new BookSlot(11), client.Ref);

        var results = clients.Select(c => c.ExpectMsg<SlotReply>().Result).ToList();
        Assert.Single(results, r => r.Success);
        Assert.Equal(49, results.Count(r => r.Outcome == SlotOutcome.AlreadyBooked));
    }
}
