using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Tests.Domain;

/// <summary>Who may book and cancel, as the pure decider rules it on open and signed-in calendars.</summary>
public sealed class OwnershipDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Requester Alice = Requester.SignedIn("alice@example.org");
    private static readonly Requester Bob = Requester.SignedIn("bob@example.org");
    private static readonly Requester Admin = Requester.SignedIn("root@example.org", isAdmin: true);

    private static SlotState BookedBy(string? owner) => new SlotState(9, Now.AddHours(-1)) { BookedBy = owner };

    [Fact]
    public void A_booking_records_its_owner_and_an_anonymous_one_none()
    {
        var byAlice = SlotDecider.Decide(SlotState.Free(9), new BookSlot(9) { By = Alice }, Now, CalendarAccess.Open);
        Assert.Equal("alice@example.org", Assert.IsType<SlotBooked>(byAlice.Event).Owner);
        Assert.Equal("alice@example.org", SlotState.Free(9).Apply(byAlice.Event!).BookedBy);

        var anonymous = SlotDecider.Decide(SlotState.Free(9), new BookSlot(9), Now, CalendarAccess.Open);
        Assert.Null(Assert.IsType<SlotBooked>(anonymous.Event).Owner);
    }

    [Fact]
    public void A_signed_in_calendar_refuses_an_anonymous_booking_and_stores_nothing()
    {
        var decision = SlotDecider.Decide(SlotState.Free(9), new BookSlot(9), Now, CalendarAccess.SignedIn);
        Assert.Equal(SlotOutcome.SignInRequired, decision.Result.Outcome);
        Assert.Null(decision.Event);
        Assert.Equal(SlotOutcome.Done, SlotDecider.Decide(SlotState.Free(9), new BookSlot(9) { By = Bob }, Now, CalendarAccess.SignedIn).Result.Outcome);
    }

    [Theory]
    [InlineData(CalendarAccess.Open)]
    [InlineData(CalendarAccess.SignedIn)]
    public void Only_the_owner_or_an_admin_cancels_a_signed_in_booking(CalendarAccess access)
    {
        var alices = BookedBy("alice@example.org");

        var byBob = SlotDecider.Decide(alices, new CancelSlot(9) { By = Bob }, Now, access);
        Assert.Equal(SlotOutcome.NotYours, byBob.Result.Outcome);
        Assert.Equal("Slot 9 was not booked by you", byBob.Result.Message);
        Assert.Null(byBob.Event);

        Assert.Equal(SlotOutcome.NotYours, SlotDecider.Decide(alices, new CancelSlot(9), Now, access).Result.Outcome);

        var byAlice = SlotDecider.Decide(alices, new CancelSlot(9) { By = Alice }, Now, access);
        var cancelled = Assert.IsType<SlotCancelled>(byAlice.Event);
        Assert.Equal(("alice@example.org", "alice@example.org"), (cancelled.Owner, cancelled.CancelledBy));

        var byAdmin = SlotDecider.Decide(alices, new CancelSlot(9) { By = Admin }, Now, access);
        Assert.Equal(("alice@example.org", "root@example.org"), (Assert.IsType<SlotCancelled>(byAdmin.Event).Owner, ((SlotCancelled)byAdmin.Event!).CancelledBy));
    }

    [Fact]
    public void An_anonymous_booking_is_anyones_to_cancel_on_an_open_calendar_and_an_admins_on_a_signed_in_one()
    {
        var anonymous = BookedBy(null);
        Assert.Equal(SlotOutcome.Done, SlotDecider.Decide(anonymous, new CancelSlot(9), Now, CalendarAccess.Open).Result.Outcome);
        Assert.Equal(SlotOutcome.Done, SlotDecider.Decide(anonymous, new CancelSlot(9) { By = Bob }, Now, CalendarAccess.Open).Result.Outcome);

        Assert.Equal(SlotOutcome.NotYours, SlotDecider.Decide(anonymous, new CancelSlot(9) { By = Bob }, Now, CalendarAccess.SignedIn).Result.Outcome);
        Assert.Equal(SlotOutcome.Done, SlotDecider.Decide(anonymous, new CancelSlot(9) { By = Admin }, Now, CalendarAccess.SignedIn).Result.Outcome);
    }

    [Fact]
    public void A_free_slot_is_not_booked_whoever_cancels_it()
    {
        Assert.Equal(SlotOutcome.NotBooked, SlotDecider.Decide(SlotState.Free(9), new CancelSlot(9) { By = Bob }, Now, CalendarAccess.SignedIn).Result.Outcome);
    }
}
