using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// The default calendar's undated board on a real SQLite journal: it starts every slot so that it knows the whole
/// board, refuses hours it does not have, routes commands to its slots, and is the parent that passivates them.
/// </summary>
public sealed class DefaultBoardSpecs : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static IActorRef StartBoard(TestKitBase kit, int first, int last, SlotActorSettings? settings = null, IActorRef? mediator = null) =>
        kit.Sys.ActorOf(BoardActor.Props(CalendarDefinition.Default(first, last), null, settings ?? SlotActorSettings.Default,
            kit.CreateTestProbe().Ref, mediator ?? kit.CreateTestProbe().Ref), "board");

    private static IActorRef? Slot(TestKitBase kit, int id)
    {
        kit.Sys.ActorSelection($"/user/board/slot-{id}").Tell(new Identify(id), kit.TestActor);
        return kit.ExpectMsg<ActorIdentity>().Subject;
    }

    [Fact]
    public void Starts_every_slot_so_the_board_learns_the_whole_range_and_publishes_it_once_known()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var mediator = kit.CreateTestProbe();
        var board = StartBoard(kit, 3, 6, mediator: mediator.Ref);

        // The first complete view is published unchanged, to the default board's topic: it is what a new connection to
        // the default board is sent first.
        var publish = mediator.ExpectMsg<Publish>(TimeSpan.FromSeconds(10));
        Assert.Equal("board/default", publish.Topic);
        var first = Assert.IsType<BoardChanged>(publish.Message);
        Assert.Equal([3, 4, 5, 6], first.Slots.Select(s => s.SlotId));
        Assert.Equal(BoardKey.Default, first.Board);
        board.Tell(new ReadBoard(1), kit.TestActor);
        var view = kit.ExpectMsg<BoardRead>().View;
        Assert.True(view.IsReady);
        Assert.Equal([3, 4, 5, 6], view.Slots.Select(s => s.SlotId));
        Assert.All([3, 4, 5, 6], id => Assert.NotNull(Slot(kit, id)));
    }

    [Fact]
    public void Refuses_ids_outside_the_range_without_creating_a_slot()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var board = StartBoard(kit, 3, 6);

        board.Tell(new BookSlot(99), kit.TestActor);
        var refusal = kit.ExpectMsg<SlotReply>().Result;
        Assert.Equal(SlotOutcome.UnknownSlot, refusal.Outcome);
        Assert.Equal("Slot 99 does not exist; valid slots are 3-6", refusal.Message);

        Assert.Null(Slot(kit, 99));
    }

    [Fact]
    public void Routes_commands_and_an_idle_slot_that_was_stopped_recovers_its_state_while_the_board_stays()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var board = StartBoard(kit, 3, 4, SlotActorSettings.Default with { IdleTimeout = TimeSpan.FromMilliseconds(200) });
        kit.Watch(board);

        board.Tell(new BookSlot(4), kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);

        // Watch the slot stop after its idle timeout, then talk to it again through the board, which never passivates.
        var slot = Slot(kit, 4)!;
        kit.Watch(slot);
        kit.ExpectTerminated(slot, TimeSpan.FromSeconds(5));
        board.Tell(new ReadBoard(2), kit.TestActor);
        Assert.True(kit.ExpectMsg<BoardRead>().View.Slots.Single(s => s.SlotId == 4).IsBooked);

        board.Tell(new BookSlot(4), kit.TestActor);
        Assert.Equal(SlotOutcome.AlreadyBooked, kit.ExpectMsg<SlotReply>().Result.Outcome);
        board.Tell(new CancelSlot(4), kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
        kit.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void Holds_commands_for_a_stopping_slot_and_delivers_them_to_its_next_incarnation()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var board = StartBoard(kit, 3, 4);
        board.Tell(new GetSlotState(4), kit.TestActor);
        kit.ExpectMsg<SlotState>();
        var first = Slot(kit, 4)!;
        kit.Watch(first);

        // The slot's request, as it sends it; the board answers with the stop message (here one that stops at once).
        board.Tell(new Passivate(PoisonPill.Instance), first);
        board.Tell(new BookSlot(4, CorrelationId: 7), kit.TestActor);

        kit.ExpectTerminated(first);
        var reply = kit.ExpectMsg<SlotReply>();
        Assert.Equal(7, reply.CorrelationId);
        Assert.True(reply.Result.Success);
        Assert.NotEqual(first, Slot(kit, 4));
    }

    [Fact]
    public void Judges_by_the_default_calendar_as_the_registry_holds_it()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        // As configured with SignedIn access; the board started with the open definition.
        CalendarLookup.Install(kit.Sys, new CalendarRegistry(CalendarDefinition.Default(3, 4, access: CalendarAccess.SignedIn), []));
        var board = StartBoard(kit, 3, 4);

        board.Tell(new BookSlot(3, CorrelationId: 1), kit.TestActor);
        Assert.Equal(SlotOutcome.SignInRequired, kit.ExpectMsg<SlotReply>().Result.Outcome);
        board.Tell(new BookSlot(3, CorrelationId: 2) { By = Requester.SignedIn("ada@example.org") }, kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
    }
}
