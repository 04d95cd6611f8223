using System.Text;
using SlotBooking.Client.Commands;
using SlotBooking.WireClient.Frames;

namespace SlotBooking.Client.Tests.Frames;

/// <summary>A signed-in connection's my_bookings is a push, not an answer: recognised, and described readably.</summary>
public sealed class MyBookingsFrameTests
{
    private const string Frame =
        """{"type":"my_bookings","bookings":[{"calendar":"default","date":null,"slot_id":9,"starts_at":null,"ends_at":null,"booked_at":"2026-11-26T01:17:23.067846+00:00"},{"calendar":"lab","date":"2026-11-27","slot_id":10,"starts_at":"2026-11-27T09:00:00.000000+00:00","ends_at":"2026-11-27T10:00:00.000000+00:00","booked_at":"2026-11-26T01:17:23.067846+00:00"}]}""";

    [Fact]
    public void Is_read_as_my_bookings_and_described_by_its_slots()
    {
        Assert.Equal(ServerFrameKind.MyBookings, ServerFrameReader.Read(Encoding.UTF8.GetBytes(Frame)).Kind);
        Assert.Equal("my_bookings: 9, lab 2026-11-27 10", FrameDescriptions.Describe(Encoding.UTF8.GetBytes(Frame)));
        Assert.Equal("my_bookings: none", FrameDescriptions.Describe("""{"type":"my_bookings","bookings":[]}"""u8));
    }
}
