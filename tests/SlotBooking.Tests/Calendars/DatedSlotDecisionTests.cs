using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Tests.Calendars;

/// <summary>A dated slot decides its calendar's booking window first, at the time of the decision, then the usual rules.</summary>
public sealed class DatedSlotDecisionTests
{
    // Open: these tests are about the window; ownership has tests of its own.
    private static readonly CalendarDefinition Lab = TestCalendars.In("Europe/Berlin", firstHour: 8, lastHour: 19) with { Access = CalendarAccess.Open };
    private static readonly LocalDate Thursday = new(2026, 11, 26);

    // 08:30 in Berlin (UTC+1) on Thursday: slot 9 starts at 08:00Z.
    private static readonly DateTimeOffset HalfPastEight = TestCalendars.Utc(2026, 11, 26, 7, 30).ToDateTimeOffset();

    [Fact]
    public void A_slot_within_the_window_is_decided_by_the_usual_rules()
    {
        var booked = SlotDecider.DecideDated(SlotState.Free(9), new BookSlot(9), HalfPastEight, Lab, Thursday);
        Assert.Equal(SlotOutcome.Done, booked.Result.Outcome);
        Assert.NotNull(booked.Event);

        var again = SlotDecider.DecideDated(new SlotState(9, HalfPastEight), new BookSlot(9), HalfPastEight, Lab, Thursday);
        Assert.Equal(SlotOutcome.AlreadyBooked, again.Result.Outcome);
    }

    [Fact]
    public void A_slot_that_has_started_is_refused_and_nothing_is_stored()
    {
        var decision = SlotDecider.DecideDated(SlotState.Free(8), new BookSlot(8), HalfPastEight, Lab, Thursday);
        Assert.Equal(SlotOutcome.OutsideBookingWindow, decision.Result.Outcome);
        Assert.Equal("Slot 8 on 2026-11-26 is in the past", decision.Result.Message);
        Assert.Null(decision.Event);
    }

    [Fact]
    public void A_booking_cannot_be_cancelled_once_its_slot_has_started_but_can_before()
    {
        var booked = new SlotState(8, HalfPastEight.AddDays(-1));
        var started = SlotDecider.DecideDated(booked, new CancelSlot(8), HalfPastEight, Lab, Thursday);
        Assert.Equal("Slot 8 on 2026-11-26 has started and can no longer be cancelled", started.Result.Message);
        Assert.Null(started.Event);

        var notYet = SlotDecider.DecideDated(booked with { SlotId = 9 }, new CancelSlot(9), HalfPastEight, Lab, Thursday);
        Assert.Equal(SlotOutcome.Done, notYet.Result.Outcome);
    }

    [Fact]
    public void The_window_is_judged_before_the_state()
    {
        var decision = SlotDecider.DecideDated(SlotState.Free(9), new CancelSlot(9), HalfPastEight, Lab, new LocalDate(2026, 11, 20));
        Assert.Equal("Slot 9 on 2026-11-20 is in the past", decision.Result.Message);
    }

    [Fact]
    public void Dated_slots_have_ids_of_their_own_and_default_slots_keep_theirs()
    {
        Assert.Equal("slot-9", SlotIdentity.OfDefault(9).PersistenceId);
        Assert.Equal("slot-lab-2026-11-26-9", SlotIdentity.OfDated(Lab, Thursday, 9).PersistenceId);
        Assert.Throws<ArgumentException>(() => SlotIdentity.OfDated(CalendarDefinition.Default(3, 14), Thursday, 9));
    }
}
