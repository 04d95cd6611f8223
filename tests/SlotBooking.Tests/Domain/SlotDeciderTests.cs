using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Domain;

public sealed class SlotDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Booking_a_free_slot_books_it_at_the_given_time()
    {
        var decision = SlotDecider.Decide(SlotState.Free(9), new BookSlot(9), Now);

        Assert.Equal(new SlotBooked(9, Now), decision.Event);
        Assert.True(decision.Result.Success);
        Assert.Equal("Slot 9 booked successfully", decision.Result.Message);
        Assert.Equal(SlotCommandKind.Book, decision.Result.Kind);
    }

    [Fact]
    public void Booking_a_booked_slot_is_refused_without_an_event()
    {
        var booked = new SlotState(9, Now.AddHours(-1));

        var decision = SlotDecider.Decide(booked, new BookSlot(9), Now);

        Assert.Null(decision.Event);
        Assert.Equal(SlotOutcome.AlreadyBooked, decision.Result.Outcome);
        Assert.False(decision.Result.Success);
        Assert.Equal("Slot 9 is already booked", decision.Result.Message);
    }

    [Fact]
    public void Cancelling_a_booked_slot_frees_it()
    {
        var booked = new SlotState(9, Now.AddHours(-1));

        var decision = SlotDecider.Decide(booked, new CancelSlot(9), Now);

        Assert.Equal(new SlotCancelled(9, Now), decision.Event);
        Assert.Equal("Slot 9 booking cancelled successfully", decision.Result.Message);
        Assert.False(booked.Apply(decision.Event!).IsBooked);
    }

    [Fact]
    public void Cancelling_a_free_slot_is_refused()
    {
        var decision = SlotDecider.Decide(SlotState.Free(9), new CancelSlot(9), Now);

        Assert.Null(decision.Event);
        Assert.Equal(SlotOutcome.NotBooked, decision.Result.Outcome);
        Assert.Equal("Slot 9 is not booked", decision.Result.Message);
    }

    [Fact]
    public void Applying_booked_then_cancelled_returns_to_free()
    {
        var state = SlotState.Free(4).Apply(new SlotBooked(4, Now));
        Assert.True(state.IsBooked);
        Assert.Equal(Now, state.BookedAt);

        Assert.Equal(SlotState.Free(4), state.Apply(new SlotCancelled(4, Now.AddMinutes(1))));
    }

    [Theory]
    [InlineData(3, "03:00", "04:00")]
    [InlineData(9, "09:00", "10:00")]
    [InlineData(14, "14:00", "15:00")]
    public void Slot_times_follow_the_id(int id, string start, string end)
    {
        Assert.Equal(start, SlotRange.StartTimeOf(id));
        Assert.Equal(end, SlotRange.EndTimeOf(id));
    }

    [Fact]
    public void The_default_range_is_3_to_14()
    {
        Assert.Equal(Enumerable.Range(3, 12), SlotRange.Default.Ids);
        Assert.False(SlotRange.Default.Contains(2));
        Assert.False(SlotRange.Default.Contains(15));
        Assert.Equal("3-14", SlotRange.Default.ToString());
    }

    [Theory]
    [InlineData(5, 4)]
    [InlineData(-1, 3)]
    [InlineData(3, 24)]
    public void Impossible_ranges_are_refused(int first, int last) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlotRange(first, last));
}
