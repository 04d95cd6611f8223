using Akka.TestKit;
using SlotBooking.Actors.Board;

namespace SlotBooking.Tests.Actors;

/// <summary>A probe standing for the boards' region, as a slot reports to it.</summary>
internal static class BoardProbe
{
    /// <summary>The next report, which a slot sends in an envelope addressed to its board; returns what it reports.</summary>
    public static SlotStateChanged ExpectSlotState(this TestProbe boards, BoardKey? board = null)
    {
        var envelope = boards.ExpectMsg<BoardEnvelope>();
        if (board is { } expected) Assert.Equal(expected, envelope.Board);
        return Assert.IsType<SlotStateChanged>(envelope.Message);
    }
}
