using System.Text;
using SlotBooking.WireClient.Frames;

namespace SlotBooking.Client.Tests.Frames;

public sealed class BookedSlotsReaderTests
{
    [Fact]
    public void Booked_and_free_slots_are_told_apart()
    {
        var frame = SampleFrames.SlotsUpdate(booked: [4, 9]);

        Assert.True(BookedSlotsReader.IsBooked(frame, 9));
        Assert.True(BookedSlotsReader.IsBooked(frame, 4));
        Assert.False(BookedSlotsReader.IsBooked(frame, 3));
    }

    [Fact]
    public void With_nothing_booked_every_slot_is_free() =>
        Assert.False(BookedSlotsReader.IsBooked(SampleFrames.SlotsUpdate(booked: []), 9));

    [Theory]
    [InlineData("{\"type\":\"booking_response\",\"success\":true,\"message\":\"ok\",\"slot_id\":9}")]
    [InlineData("{\"type\":\"slots_update\",\"data\":{\"slots\":[]}}")]
    [InlineData("[]")]
    public void A_frame_without_booked_slots_gives_no_answer(string text) =>
        Assert.Null(BookedSlotsReader.IsBooked(Encoding.UTF8.GetBytes(text), 9));

    [Fact]
    public void The_whole_update_reads_back_into_protocol_records()
    {
        var update = SlotsUpdateReader.TryRead(SampleFrames.SlotsUpdate(booked: [9]));

        Assert.NotNull(update);
        Assert.Equal(12, update.Data.Slots.Count);
        Assert.Equal([9], update.Data.BookedSlots);
        Assert.True(update.Data.Slots.Single(s => s.Id == 9).IsBooked);
        Assert.NotNull(update.Data.Slots.Single(s => s.Id == 9).BookedAt);
    }
}
