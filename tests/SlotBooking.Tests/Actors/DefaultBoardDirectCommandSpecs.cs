using Akka.Actor;
using Akka.TestKit.Xunit2;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// A default-board command goes straight to its slot (<see cref="Boards"/>), on a one-node cluster with the real
/// regions and a real SQLite journal: it is answered without its board (so a dead board's node does not stop it), the
/// board still hears of the change from the slot and publishes it, and an hour the calendar lacks is refused as the
/// board refuses it, with no slot started.
/// </summary>
public sealed class DefaultBoardDirectCommandSpecs : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static CalendarRegistry Calendars(int first, int last, CalendarAccess access = CalendarAccess.Open) =>
        new(CalendarDefinition.Default(first, last, access: access), []);

    [Fact]
    public async Task A_command_is_answered_by_its_slot_while_the_boards_region_delivers_nothing()
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default, Calendars(3, 6));
        var kit = system.Kit;
        // Stands for a boards' region whose default board is on a node that is gone: it delivers nothing.
        var deadBoards = kit.CreateTestProbe();
        var routes = system.Routes with { Region = deadBoards.Ref };

        routes.Tell(BoardKey.Default, new BookSlot(4, CorrelationId: 1), kit.TestActor);
        var booked = kit.ExpectMsg<SlotReply>();
        Assert.True(booked.Result.Success, booked.Result.Message);
        Assert.Equal("Slot 4 booked successfully", booked.Result.Message);
        Assert.Equal(1, booked.StateVersion);

        var refused = await routes.Command(BoardKey.Default, new BookSlot(4, CorrelationId: 2), TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(SlotOutcome.AlreadyBooked, refused.Result.Outcome);
        Assert.Equal(2, refused.CorrelationId);

        deadBoards.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Contains("slot-4", system.RunningSlots());
    }

    [Fact]
    public void A_command_is_answered_after_the_default_board_was_stopped_and_the_restarted_board_shows_it()
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default, Calendars(3, 6));
        var kit = system.Kit;
        system.Tell(BoardKey.Default, new ReadBoard(1), kit.TestActor);
        Assert.True(kit.ExpectMsg<BoardRead>().View.IsReady);
        system.Tell(BoardKey.Default, BoardActor.Stop, kit.TestActor);
        kit.AwaitAssert(() => Assert.DoesNotContain(BoardKey.Default.EntityId, system.RunningBoards()), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));

        system.Routes.Tell(BoardKey.Default, new BookSlot(5, CorrelationId: 2), kit.TestActor);
        var booked = kit.ExpectMsg<SlotReply>();
        Assert.True(booked.Result.Success, booked.Result.Message);

        // The slot's report starts the board again (through the boards' region); a read made after the answer shows it.
        system.Tell(BoardKey.Default, new ReadBoard(3) { Seen = [new SlotAtVersion(5, booked.StateVersion)] }, kit.TestActor);
        var view = kit.ExpectMsg<BoardRead>().View;
        Assert.True(view.IsReady);
        Assert.True(view.Slots.Single(s => s.SlotId == 5).IsBooked);
    }

    [Fact]
    public void The_running_board_hears_of_the_change_from_the_slot_and_publishes_it()
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default, Calendars(3, 6));
        var broadcasts = system.Subscribe<BoardChanged>();
        var kit = system.Kit;
        system.Tell(BoardKey.Default, new ReadBoard(1), kit.TestActor);
        Assert.True(kit.ExpectMsg<BoardRead>().View.IsReady);
        Assert.All(broadcasts.ExpectMsg<BoardChanged>(TimeSpan.FromSeconds(10)).Slots, s => Assert.False(s.IsBooked));

        system.Routes.Tell(BoardKey.Default, new BookSlot(6, CorrelationId: 2), kit.TestActor);
        var booked = kit.ExpectMsg<SlotReply>();
        Assert.True(booked.Result.Success, booked.Result.Message);

        var change = broadcasts.ExpectMsg<BoardChanged>(TimeSpan.FromSeconds(10));
        Assert.Equal(BoardKey.Default, change.Board);
        Assert.Equal([6], change.Slots.Where(s => s.IsBooked).Select(s => s.SlotId));
        Assert.Equal(booked.StateVersion, change.SlotVersions.Of(6));

        system.Routes.Tell(BoardKey.Default, new CancelSlot(6, CorrelationId: 3), kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
        Assert.DoesNotContain(broadcasts.ExpectMsg<BoardChanged>(TimeSpan.FromSeconds(10)).Slots, s => s.IsBooked);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(2)]
    [InlineData(-1)]
    public async Task An_hour_the_default_calendar_lacks_is_refused_as_its_board_refuses_it_and_starts_no_slot(int slotId)
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default, Calendars(3, 6));
        var kit = system.Kit;
        var boards = kit.CreateTestProbe();
        var slots = kit.CreateTestProbe();
        var routes = system.Routes with { Region = boards.Ref, Slots = slots.Ref };

        routes.Tell(BoardKey.Default, new BookSlot(slotId, CorrelationId: 1), kit.TestActor);
        var direct = kit.ExpectMsg<SlotReply>();
        var asked = await routes.Command(BoardKey.Default, new CancelSlot(slotId, CorrelationId: 2), TimeSpan.FromSeconds(10), CancellationToken.None);
        // The board's own answer to the same command, for comparison.
        system.Tell(BoardKey.Default, new BookSlot(slotId, CorrelationId: 1), kit.TestActor);
        var byBoard = kit.ExpectMsg<SlotReply>();

        Assert.Equal(byBoard, direct);
        Assert.Equal(SlotOutcome.UnknownSlot, direct.Result.Outcome);
        Assert.Equal($"Slot {slotId} does not exist; valid slots are 3-6", direct.Result.Message);
        Assert.Equal(SlotOutcome.UnknownSlot, asked.Result.Outcome);
        Assert.Equal(SlotCommandKind.Cancel, asked.Result.Kind);
        boards.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        slots.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.DoesNotContain($"slot-{slotId}", system.RunningSlots());
    }

    [Fact]
    public void The_slot_judges_the_default_calendars_access_rule_and_the_requester()
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default, Calendars(3, 4, CalendarAccess.SignedIn));
        var kit = system.Kit;
        var routes = system.Routes with { Region = kit.CreateTestProbe().Ref };

        routes.Tell(BoardKey.Default, new BookSlot(3, CorrelationId: 1), kit.TestActor);
        Assert.Equal(SlotOutcome.SignInRequired, kit.ExpectMsg<SlotReply>().Result.Outcome);
        routes.Tell(BoardKey.Default, new BookSlot(3, CorrelationId: 2) { By = Requester.SignedIn("ada@example.org") }, kit.TestActor);
        Assert.True(kit.ExpectMsg<SlotReply>().Result.Success);
        routes.Tell(BoardKey.Default, new CancelSlot(3, CorrelationId: 3) { By = Requester.SignedIn("bob@example.org") }, kit.TestActor);
        Assert.Equal(SlotOutcome.NotYours, kit.ExpectMsg<SlotReply>().Result.Outcome);
    }
}

/// <summary>Where <see cref="Boards"/> sends each kind of message, with probes for both regions.</summary>
public sealed class BoardsRoutingSpecs : TestKit
{
    [Fact]
    public void A_default_board_command_goes_to_its_slot_and_everything_else_to_the_boards_region()
    {
        var boards = CreateTestProbe();
        var slots = CreateTestProbe();
        var routes = new Boards(boards.Ref, slots.Ref, id => id == CalendarDefinition.DefaultId ? LabDay.Default : LabDay.Lab);
        var day = new BoardKey(LabDay.Lab.Id, LabDay.Thursday);

        routes.Tell(BoardKey.Default, new BookSlot(9, CorrelationId: 1), TestActor);
        var toSlot = slots.ExpectMsg<SlotEnvelope>();
        Assert.Equal(new SlotEnvelope("slot-9", new BookSlot(9, CorrelationId: 1)), toSlot);
        Assert.Equal(TestActor, slots.LastSender);

        routes.Tell(day, new BookSlot(9, CorrelationId: 2), TestActor);
        Assert.Equal(new BoardEnvelope(day, new BookSlot(9, CorrelationId: 2)), boards.ExpectMsg<BoardEnvelope>());
        routes.Tell(BoardKey.Default, new ReadBoard(3), TestActor);
        Assert.Equal(new BoardEnvelope(BoardKey.Default, new ReadBoard(3)), boards.ExpectMsg<BoardEnvelope>());
        slots.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Without_a_default_calendar_in_the_registry_a_default_command_is_left_to_its_board()
    {
        var boards = CreateTestProbe();
        var slots = CreateTestProbe();
        var routes = new Boards(boards.Ref, slots.Ref, static _ => null);

        routes.Tell(BoardKey.Default, new CancelSlot(9, CorrelationId: 1), TestActor);

        Assert.Equal(new BoardEnvelope(BoardKey.Default, new CancelSlot(9, CorrelationId: 1)), boards.ExpectMsg<BoardEnvelope>());
        slots.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
