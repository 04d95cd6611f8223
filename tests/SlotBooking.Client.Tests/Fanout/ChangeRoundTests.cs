using SlotBooking.Client.Fanout;

namespace SlotBooking.Client.Tests.Fanout;

public sealed class ChangeRoundTests
{
    [Fact]
    public async Task The_first_and_last_are_the_earliest_and_latest_timestamps_whatever_order_the_reports_come_in()
    {
        var round = new ChangeRound(1, expectBooked: true, listeners: 3);

        // The listener that read the clock last reports first, and the one that read it first reports last.
        round.Seen(300);
        round.Seen(200);
        Assert.False(round.AllSeen.IsCompleted);
        round.Seen(100);

        Assert.Equal(100, round.FirstSeenAt);
        Assert.Equal(300, await round.AllSeen);
    }
}
