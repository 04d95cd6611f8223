using Akka.Actor;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// Days of a dated calendar as sharded boards on a one-node cluster and a real SQLite journal: reads without waking
/// slots, bookings, recovery, refusals, unknown calendars and passivation through sharding.
/// </summary>
public sealed class BoardActorSpecs : IDisposable
{
    private static readonly CalendarDefinition Lab = LabDay.Lab;
    private static readonly LocalDate Thursday = LabDay.Thursday;
    private static readonly BoardKey Day = new(Lab.Id, Thursday);

    private readonly SlotActorSettings _settings = LabDay.SettingsAtHalfPastEight();

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static BoardView Read(ShardedSystem system, BoardKey key)
    {
        system.Tell(key, new ReadBoard(7), system.Kit.TestActor);
        return system.Kit.ExpectMsg<BoardRead>().View;
    }

    private static SlotReply Send(ShardedSystem system, BoardKey key, ISlotCommand command)
    {
        system.Tell(key, command, system.Kit.TestActor);
        return system.Kit.ExpectMsg<SlotReply>();
    }

    [Fact]
    public void A_day_nobody_touched_is_read_at_once_as_free_without_waking_a_slot()
    {
        using var system = ShardedSystem.Start(_database.Path, _settings);
        // A first read starts the journal (and creates its table).
        Read(system, Day with { Date = Thursday.PlusDays(-4) });
        var rows = JournalRows.Count(_database.Path);

        for (var day = -3; day <= 3; day++)
        {
            var view = Read(system, Day with { Date = Thursday.PlusDays(day) });
            Assert.True(view.IsReady);
            Assert.Equal(Enumerable.Range(8, 12), view.Slots.Select(s => s.SlotId));
            Assert.All(view.Slots, s => Assert.False(s.IsBooked));
            Assert.Equal(0, view.Version);
        }
        Assert.Empty(system.RunningSlots());
        Assert.Equal(rows, JournalRows.Count(_database.Path));
    }

    [Fact]
    public void A_booking_touches_its_hour_and_after_a_restart_only_that_slot_is_woken()
    {
        using (var first = ShardedSystem.Start(_database.Path, _settings))
        {
            var reply = Send(first, Day, new BookSlot(9, CorrelationId: 5));
            Assert.Equal(5, reply.CorrelationId);
            Assert.Equal(SlotOutcome.Done, reply.Result.Outcome);

            var view = Read(first, Day);
            Assert.Equal([9], view.Slots.Where(s => s.IsBooked).Select(s => s.SlotId));
            Assert.Equal(1, view.SlotVersions.Of(9));
        }

        using var second = ShardedSystem.Start(_database.Path, _settings);
        second.Kit.AwaitAssert(() =>
        {
            var view = Read(second, Day);
            Assert.True(view.IsReady);
            Assert.Equal([9], view.Slots.Where(s => s.IsBooked).Select(s => s.SlotId));
        });
        Assert.Equal(["slot-lab-2026-11-26-9"], second.RunningSlots());
    }

    [Fact]
    public void A_command_outside_the_window_or_refused_on_a_free_slot_is_answered_without_touching_the_day()
    {
        using var system = ShardedSystem.Start(_database.Path, _settings);
        Read(system, Day);
        var rows = JournalRows.Count(_database.Path);

        var started = Send(system, Day, new BookSlot(8, CorrelationId: 1)).Result;
        Assert.Equal(SlotOutcome.OutsideBookingWindow, started.Outcome);
        Assert.Equal("Slot 8 on 2026-11-26 is in the past", started.Message);
        var noSuchHour = Send(system, Day, new BookSlot(20, CorrelationId: 2)).Result;
        Assert.Equal(SlotOutcome.UnknownSlot, noSuchHour.Outcome);
        Assert.Equal("Slot 20 does not exist; valid slots are 8-19", noSuchHour.Message);
        Assert.Equal(SlotOutcome.NotBooked, Send(system, Day, new CancelSlot(12, CorrelationId: 3)).Result.Outcome);

        Assert.Empty(system.RunningSlots());
        Assert.Equal(rows, JournalRows.Count(_database.Path));
    }

    [Fact]
    public void Racing_bookings_of_one_dated_slot_have_one_winner()
    {
        using var system = ShardedSystem.Start(_database.Path, _settings);
        var kit = system.Kit;
        var clients = Enumerable.Range(0, 30).Select(_ => kit.CreateTestProbe()).ToList();

        for (var i = 0; i < clients.Count; i++) system.Tell(Day, new BookSlot(10, CorrelationId: i), clients[i].Ref);

        var results = clients.Select(c => c.ExpectMsg<SlotReply>().Result).ToList();
        Assert.Single(results, r => r.Success);
        Assert.Equal(29, results.Count(r => r.Outcome == SlotOutcome.AlreadyBooked));
    }

    [Fact]
    public void Refuses_an_unknown_calendar_and_starts_no_slot()
    {
        using var system = ShardedSystem.Start(_database.Path, _settings);

        var reply = Send(system, new BoardKey("nope", Thursday), new BookSlot(9, CorrelationId: 3));
        Assert.Equal(3, reply.CorrelationId);
        Assert.Equal(SlotOutcome.UnknownSlot, reply.Result.Outcome);
        Assert.Equal("Unknown calendar: nope", reply.Result.Message);
        system.Tell(new BoardKey("nope", Thursday), new ReadBoard(1), system.Kit.TestActor);
        Assert.StartsWith("Unknown calendar: nope", system.Kit.ExpectMsg<Status.Failure>().Cause.Message);

        Assert.Empty(system.RunningSlots());
        // It asks to passivate at once.
        system.Kit.AwaitAssert(() => Assert.DoesNotContain("nope/2026-11-26", system.RunningBoards()), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void An_idle_day_and_its_slots_passivate_through_sharding_and_the_next_read_recovers_the_bookings()
    {
        using var system = ShardedSystem.Start(_database.Path, _settings with { IdleTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.True(Send(system, Day, new BookSlot(10, CorrelationId: 1)).Result.Success);
        Assert.Contains(Day.EntityId, system.RunningBoards());
        system.Kit.AwaitAssert(() =>
        {
            Assert.DoesNotContain(Day.EntityId, system.RunningBoards());
            Assert.Empty(system.RunningSlots());
        }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100));

        system.Kit.AwaitAssert(() => Assert.True(Read(system, Day) is { IsReady: true } view && view.Slots.Single(s => s.SlotId == 10).IsBooked));
    }

    [Fact]
    public void No_more_day_boards_than_the_bound_stay_alive_and_a_day_stopped_for_room_keeps_its_bookings()
    {
        using var system = ShardedSystem.Start(_database.Path, _settings, maxLiveDays: 2);

        Assert.True(Send(system, Day, new BookSlot(11, CorrelationId: 1)).Result.Success);
        for (var day = 1; day <= 5; day++) Read(system, Day with { Date = Thursday.PlusDays(day) });

        system.Kit.AwaitAssert(() =>
        {
            system.LiveDays.Tell(GetLiveDays.Instance, system.Kit.TestActor);
            Assert.True(system.Kit.ExpectMsg<LiveDays>().Count <= 2);
            Assert.True(system.RunningBoards().Count(id => id != BoardKey.Default.EntityId) <= 2);
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        Assert.DoesNotContain(Day.EntityId, system.RunningBoards());

        system.Kit.AwaitAssert(() => Assert.True(Read(system, Day) is { IsReady: true } view && view.Slots.Single(s => s.SlotId == 11).IsBooked));
    }
}
