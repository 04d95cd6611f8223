using Akka.Actor;
using Akka.TestKit;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>The board of one day of a dated calendar on a real SQLite journal: reads without waking slots, bookings, recovery.</summary>
public sealed class BoardActorSpecs : IDisposable
{
    private static readonly CalendarDefinition Lab = LabDay.Lab;
    private static readonly LocalDate Thursday = LabDay.Thursday;

    private readonly SlotActorSettings _settings = LabDay.SettingsAtHalfPastEight();

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private IActorRef StartDay(TestKitBase kit, string name = "day") =>
        kit.Sys.ActorOf(BoardActor.Props(Lab, Thursday, _settings, kit.CreateTestProbe().Ref, kit.CreateTestProbe().Ref), name);

    private static bool SlotIsRunning(TestKitBase kit, int hour)
    {
        kit.Sys.ActorSelection($"/user/day/slot-{hour}").Tell(new Identify(hour), kit.TestActor);
        return kit.ExpectMsg<ActorIdentity>().Subject is not null;
    }

    [Fact]
    public void A_day_nobody_touched_is_read_at_once_as_free_without_waking_a_slot()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var day = StartDay(kit);

        day.Tell(new ReadBoard(1), kit.TestActor);
        var view = kit.ExpectMsg<BoardRead>().View;
        Assert.True(view.IsReady);
        Assert.Equal(Enumerable.Range(8, 12), view.Slots.Select(s => s.SlotId));
        Assert.All(view.Slots, s => Assert.False(s.IsBooked));
        Assert.False(SlotIsRunning(kit, 9));
    }

    [Fact]
    public void A_booking_touches_its_hour_and_after_a_restart_only_that_slot_is_woken()
    {
        using (var first = PersistentSystem.Start(_database.Path))
        {
            var kit = first.Kit;
            var day = StartDay(kit);
            day.Tell(new BookSlot(9, CorrelationId: 5), kit.TestActor);
            var reply = kit.ExpectMsg<SlotReply>();
            Assert.Equal(5, reply.CorrelationId);
            Assert.Equal(SlotOutcome.Done, reply.Result.Outcome);

            day.Tell(new ReadBoard(2), kit.TestActor);
            var view = kit.ExpectMsg<BoardRead>().View;
            Assert.Equal([9], view.Slots.Where(s => s.IsBooked).Select(s => s.SlotId));
            Assert.Equal(1, view.SlotVersions.Of(9));
        }

        using var second = PersistentSystem.Start(_database.Path);
        var kit2 = second.Kit;
        var restarted = StartDay(kit2);
        kit2.AwaitAssert(() =>
        {
            restarted.Tell(new ReadBoard(3), kit2.TestActor);
            var view = kit2.ExpectMsg<BoardRead>().View;
            Assert.True(view.IsReady);
            Assert.Equal([9], view.Slots.Where(s => s.IsBooked).Select(s => s.SlotId));
        });
        Assert.True(SlotIsRunning(kit2, 9));
        Assert.False(SlotIsRunning(kit2, 10));
    }

    [Fact]
    public void A_command_outside_the_window_is_refused_without_touching_the_day()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var day = StartDay(kit);

        day.Tell(new BookSlot(8, CorrelationId: 1), kit.TestActor);
        var started = kit.ExpectMsg<SlotReply>().Result;
        Assert.Equal(SlotOutcome.OutsideBookingWindow, started.Outcome);
        Assert.Equal("Slot 8 on 2026-11-26 is in the past", started.Message);

        day.Tell(new BookSlot(20, CorrelationId: 2), kit.TestActor);
        var noSuchHour = kit.ExpectMsg<SlotReply>().Result;
        Assert.Equal(SlotOutcome.UnknownSlot, noSuchHour.Outcome);
        Assert.Equal("Slot 20 does not exist; valid slots are 8-19", noSuchHour.Message);

        Assert.False(SlotIsRunning(kit, 8));
        Assert.False(SlotIsRunning(kit, 20));
    }

    [Fact]
    public void Racing_bookings_of_one_dated_slot_have_one_winner()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var day = StartDay(kit);
        var clients = Enumerable.Range(0, 30).Select(_ => kit.CreateTestProbe()).ToList();

        for (var i = 0; i < clients.Count; i++) day.Tell(new BookSlot(10, CorrelationId: i), clients[i].Ref);

        var results = clients.Select(c => c.ExpectMsg<SlotReply>().Result).ToList();
        Assert.Single(results, r => r.Success);
        Assert.Equal(29, results.Count(r => r.Outcome == SlotOutcome.AlreadyBooked));
    }

    [Fact]
    public void A_command_that_comes_after_the_day_asked_to_passivate_is_still_answered_before_the_day_stops()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        // The probe is the day's parent, where the router (or a shard region) would be.
        var parent = kit.CreateTestProbe();
        var day = parent.ChildActorOf(BoardActor.Props(Lab, Thursday, _settings with { IdleTimeout = TimeSpan.FromMilliseconds(300) },
            kit.CreateTestProbe().Ref, kit.CreateTestProbe().Ref));
        kit.Watch(day);
        var request = parent.ExpectMsg<Passivate>(TimeSpan.FromSeconds(10));

        // A booking reaches the day before the parent's stop message does: its slot starts and writes.
        day.Tell(new BookSlot(11, CorrelationId: 9), kit.TestActor);
        day.Tell(request.StopMessage, parent.Ref);

        var reply = kit.ExpectMsg<SlotReply>();
        Assert.Equal(9, reply.CorrelationId);
        Assert.True(reply.Result.Success);
        kit.ExpectTerminated(day, TimeSpan.FromSeconds(10));
    }
}
