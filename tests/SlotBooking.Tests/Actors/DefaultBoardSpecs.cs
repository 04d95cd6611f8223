using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// The default calendar's undated board, sharded like every board, on a one-node cluster and a real SQLite journal: it
/// wakes every slot so that it knows the whole board, refuses hours it does not have, routes commands to its slots, and
/// stays while its idle slots are passivated by sharding.
/// </summary>
public sealed class DefaultBoardSpecs : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static CalendarRegistry Calendars(int first, int last, CalendarAccess access = CalendarAccess.Open) =>
        new(CalendarDefinition.Default(first, last, access: access), []);

    private static SlotReply Send(ShardedSystem system, ISlotCommand command)
    {
        system.Tell(BoardKey.Default, command, system.Kit.TestActor);
        return system.Kit.ExpectMsg<SlotReply>();
    }

    [Fact]
    public void Wakes_every_slot_so_the_board_learns_the_whole_range_and_publishes_it_once_known()
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default, Calendars(3, 6));
        var broadcasts = system.Subscribe<BoardChanged>();
        var publishes = system.Subscribe<Akka.Cluster.Tools.PublishSubscribe.Publish>();
        var kit = system.Kit;

        system.Tell(BoardKey.Default, new ReadBoard(1), kit.TestActor);
        var view = kit.ExpectMsg<BoardRead>().View;
        Assert.True(view.IsReady);
        Assert.Equal([3, 4, 5, 6], view.Slots.Select(s => s.SlotId));
        // The first complete view is published unchanged: it is what a new connection to the default board is sent first.
        var first = broadcasts.ExpectMsg<BoardChanged>(TimeSpan.FromSeconds(10));
        Assert.Equal([3, 4, 5, 6], first.Slots.Select(s => s.SlotId));
        Assert.Equal(BoardKey.Default, first.Board);
        // To the default board's topic, which every node's broadcaster subscribes to.
        Assert.Equal("board/default", publishes.ExpectMsg<Akka.Cluster.Tools.PublishSubscribe.Publish>().Topic);
        Assert.Equal(["slot-3", "slot-4", "slot-5", "slot-6"], system.RunningSlots().Order());
    }

    [Fact]
    public void Refuses_ids_outside_the_range_without_creating_a_slot()
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default, Calendars(3, 6));

        var refusal = Send(system, new BookSlot(99)).Result;
        Assert.Equal(SlotOutcome.UnknownSlot, refusal.Outcome);
        Assert.Equal("Slot 99 does not exist; valid slots are 3-6", refusal.Message);

        Assert.DoesNotContain("slot-99", system.RunningSlots());
    }

    [Fact]
    public void Routes_commands_and_an_idle_slot_passivated_by_sharding_recovers_its_state_while_the_board_stays()
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default with { IdleTimeout = TimeSpan.FromMilliseconds(300) }, Calendars(3, 4));
        var kit = system.Kit;

        Assert.True(Send(system, new BookSlot(4)).Result.Success);
        kit.AwaitAssert(() => Assert.Empty(system.RunningSlots()), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100));
        Assert.Contains(BoardKey.Default.EntityId, system.RunningBoards());
        system.Tell(BoardKey.Default, new ReadBoard(2), kit.TestActor);
        Assert.True(kit.ExpectMsg<BoardRead>().View.Slots.Single(s => s.SlotId == 4).IsBooked);

        Assert.Equal(SlotOutcome.AlreadyBooked, Send(system, new BookSlot(4)).Result.Outcome);
        Assert.True(Send(system, new CancelSlot(4)).Result.Success);
    }

    [Fact]
    public void Judges_by_the_default_calendar_as_the_registry_holds_it()
    {
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default, Calendars(3, 4, CalendarAccess.SignedIn));

        Assert.Equal(SlotOutcome.SignInRequired, Send(system, new BookSlot(3, CorrelationId: 1)).Result.Outcome);
        Assert.True(Send(system, new BookSlot(3, CorrelationId: 2) { By = Requester.SignedIn("ada@example.org") }).Result.Success);
    }

    [Fact]
    public void A_read_sent_after_an_answer_through_the_regions_includes_the_change_it_answered()
    {
        // On one node the slot's report and the session's later read take the same path (the boards' region, then the
        // board's shard), so the report is always first: a get_slots after an answered booking shows it.
        using var system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default, Calendars(3, 6));
        var kit = system.Kit;
        for (var round = 0; round < 20; round++)
        {
            var slot = 3 + round % 4;
            ISlotCommand command = round / 4 % 2 == 0 ? new BookSlot(slot, round) : new CancelSlot(slot, round);
            var reply = Send(system, command);
            Assert.True(reply.Result.Success, reply.Result.Message);

            system.Tell(BoardKey.Default, new ReadBoard(100 + round), kit.TestActor);
            var view = kit.ExpectMsg<BoardRead>().View;
            Assert.True(view.SlotVersions.Of(slot) >= reply.StateVersion, $"round {round}: the view shows version {view.SlotVersions.Of(slot)} of slot {slot}, the answer {reply.StateVersion}");
            Assert.Equal(command is BookSlot, view.Slots.Single(s => s.SlotId == slot).IsBooked);
        }
    }
}
