using System.Text;
using SlotBooking.Protocol;
using SlotBooking.WireClient.Frames;

namespace SlotBooking.Client.Tests.Frames;

/// <summary>The reader is fed exactly what the server writes, through the protocol's own serializer.</summary>
public sealed class ServerFrameReaderTests
{
    [Fact]
    public void A_booking_response_carries_success_slot_and_message()
    {
        var frame = ServerFrameReader.Read(ServerMessageSerializer.ToUtf8(new BookingResponse(true, "Slot 9 booked successfully", 9)));

        Assert.Equal(new ServerFrame(ServerFrameKind.BookingResponse, true, 9, "Slot 9 booked successfully"), frame);
        Assert.True(frame.IsAnswer);
    }

    [Fact]
    public void A_refused_cancellation_is_an_answer_with_success_false()
    {
        var frame = ServerFrameReader.Read(ServerMessageSerializer.ToUtf8(new CancellationResponse(false, "Slot 4 is not booked", 4)));

        Assert.Equal(ServerFrameKind.CancellationResponse, frame.Kind);
        Assert.False(frame.Success);
        Assert.Equal(4, frame.SlotId);
    }

    [Fact]
    public void An_error_message_is_an_answer()
    {
        var frame = ServerFrameReader.Read(ServerMessageSerializer.ToUtf8(new ErrorMessage("Missing slot_id in booking request")));

        Assert.Equal(ServerFrameKind.Error, frame.Kind);
        Assert.Equal("Missing slot_id in booking request", frame.Message);
        Assert.True(frame.IsAnswer);
    }

    [Fact]
    public void A_slots_update_is_recognised_and_not_an_answer()
    {
        var frame = ServerFrameReader.Read(SampleFrames.SlotsUpdate(booked: [9]));

        Assert.Equal(ServerFrameKind.SlotsUpdate, frame.Kind);
        Assert.False(frame.IsAnswer);
    }

    [Fact]
    public void An_answer_carries_the_request_id_it_echoes()
    {
        var frame = ServerFrameReader.Read(
            """{"type":"booking_response","success":true,"message":"Slot 9 booked successfully","slot_id":9,"request_id":"r-17"}"""u8);

        Assert.Equal(new ServerFrame(ServerFrameKind.BookingResponse, true, 9, "Slot 9 booked successfully", "r-17"), frame);
        Assert.Null(ServerFrameReader.Read(ServerMessageSerializer.ToUtf8(new ErrorMessage("bad"))).RequestId);
    }

    [Fact]
    public void An_error_answer_carries_its_request_id_too() =>
        Assert.Equal("e-1", ServerFrameReader.Read("""{"type":"error","message":"rate limit exceeded","request_id":"e-1"}"""u8).RequestId);

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"success\":true}")]
    [InlineData("{\"type\":\"something_else\"}")]
    [InlineData("")]
    public void Anything_else_is_unrecognised(string text) =>
        Assert.Equal(ServerFrameKind.Unrecognised, ServerFrameReader.Read(Encoding.UTF8.GetBytes(text)).Kind);
}
