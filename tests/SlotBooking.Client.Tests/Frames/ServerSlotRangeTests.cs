using SlotBooking.Protocol;
using SlotBooking.WireClient.Frames;

namespace SlotBooking.Client.Tests.Frames;

public sealed class ServerSlotRangeTests
{
    [Fact]
    public void The_range_is_read_from_the_slots_a_slots_update_lists() =>
        Assert.Equal(new SlotRange(3, 14), ServerSlotRange.Of(SampleFrames.SlotsUpdate(booked: [4])));

    [Fact]
    public void Another_first_frame_names_the_option_to_pass_instead()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            ServerSlotRange.Of(ServerMessageSerializer.ToUtf8(new ErrorMessage("no")), "--slot"));

        Assert.Contains("--slot", refused.Message);
    }
}
