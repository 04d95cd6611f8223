using Akka.Actor;
using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.Protocol;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

public sealed class SlotManagerSpecs : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Starts_every_slot_so_the_board_learns_the_whole_range()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var board = kit.CreateTestProbe();
        kit.Sys.ActorOf(SlotManager.Props(new SlotRange(3, 6), SlotActorSettings.Default, board.Ref));

        var ids = Enumerable.Range(0, 4).Select(_ => board.ExpectMsg<SlotStateChanged>().State.SlotId).Order();
        Assert.Equal([3, 4, 5, 6], ids);
    }

    [Fact]
    public void Refuses_ids_outside_the_range_without_creating_a_slot()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var manager = kit.Sys.ActorOf(SlotManager.Props(new SlotRange(3, 6), SlotActorSettings.Default, kit.CreateTestProbe().Ref), "slots");

        manager.Tell(new BookSlot(99), kit.TestActor);
        var refusal = kit.ExpectMsg<SlotReply>().Result;
        Assert.Equal(SlotOutcome.UnknownSlot, refusal.Outcome);
        Assert.Equal("Slot 99 does not exist; valid slots are 3-6", refusal.Message);

        kit.Sys.ActorSelection("/user/slots/slot-99").Tell(new Identify(1), kit.TestActor);
        Assert.Null(kit.ExpectMsg<ActorIdentity>().Subject);
    }

    [Fact]
    public void Routes_commands_and_an_idle_slot_that_was_stopped_recovers_its_state()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var settings = SlotActorSettings.Default with { IdleTimeout = TimeSpan.FromMilliseconds(200) };
        var manager = kit.Sys.ActorOf(SlotManager.Props(new SlotRange(3, 4), settings, kit.CreateTestProbe().Ref), "slots");

        manager.Tell(new BookSlot(4), kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);

        // Watch the slot stop after its idle timeout, then talk to it again through the manager.
        kit.Sys.ActorSelection("/user/slots/slot-4").Tell(new Identify(4), kit.TestActor);
        var slot = kit.ExpectMsg<ActorIdentity>().Subject!;
        kit.Watch(slot);
        kit.ExpectTerminated(slot, TimeSpan.FromSeconds(5));

        manager.Tell(new BookSlot(4), kit.TestActor);
        Assert.Equal(SlotOutcome.AlreadyBooked, kit.ExpectMsg<SlotReply>().Result.Outcome);
        manager.Tell(new CancelSlot(4), kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
    }
}
