using Akka.Actor;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>A dated slot actor on a real SQLite journal: its window judged on the injected clock, its own persistence id.</summary>
public sealed class DatedSlotActorSpecs : IDisposable
{
    private static readonly CalendarDefinition Lab = LabDay.Lab;
    private static readonly LocalDate Thursday = LabDay.Thursday;

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Books_before_the_start_refuses_a_cancel_after_it_and_recovers_under_its_own_id()
    {
        // 08:30 in Berlin on the Wednesday before: slot 9 on Thursday starts 24 h 30 min later (09:00 Berlin, 08:00Z).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.Zero));
        var settings = SlotActorSettings.Default with { Clock = clock };
        var identity = SlotIdentity.OfDated(Lab, Thursday, 9);

        using (var first = PersistentSystem.Start(_database.Path))
        {
            var kit = first.Kit;
            var slot = kit.Sys.ActorOf(SlotActor.Props(identity, settings, kit.CreateTestProbe().Ref));
            slot.Tell(new BookSlot(9, CorrelationId: 1), kit.TestActor);
            Assert.Equal(SlotOutcome.Done, kit.ExpectMsg<SlotReply>().Result.Outcome);

            clock.Advance(TimeSpan.FromHours(25)); // 09:30 in Berlin on Thursday: the slot has started
            slot.Tell(new CancelSlot(9, CorrelationId: 2), kit.TestActor);
            var refused = kit.ExpectMsg<SlotReply>();
            Assert.Equal(SlotOutcome.OutsideBookingWindow, refused.Result.Outcome);
            Assert.Equal("Slot 9 on 2026-11-26 has started and can no longer be cancelled", refused.Result.Message);
        }

        using var second = PersistentSystem.Start(_database.Path);
        var kit2 = second.Kit;
        var board = kit2.CreateTestProbe();
        kit2.Sys.ActorOf(SlotActor.Props(identity, settings, board.Ref));
        var recovered = board.ExpectSlotState();
        Assert.True(recovered.State.IsBooked);
        Assert.Equal(1, recovered.Version);
        // The default calendar's slot 9 is another slot, with nothing stored.
        kit2.Sys.ActorOf(SlotActor.Props(9, settings, board.Ref));
        Assert.False(board.ExpectSlotState().State.IsBooked);
    }
}
