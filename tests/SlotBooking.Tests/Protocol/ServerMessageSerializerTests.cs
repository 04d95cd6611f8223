using System.Text;
using System.Text.Json;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Protocol;

public sealed class ServerMessageSerializerTests
{
    private static JsonElement Json(ServerMessage message) =>
        JsonDocument.Parse(ServerMessageSerializer.ToUtf8(message)).RootElement;

    [Fact]
    public void Booking_response_has_the_seed_fields_with_type_first()
    {
        var text = Encoding.UTF8.GetString(ServerMessageSerializer.ToUtf8(new BookingResponse(true, "Slot 9 booked successfully", 9)));
        Assert.Equal("""{"type":"booking_response","success":true,"message":"Slot 9 booked successfully","slot_id":9}""", text);
    }

    [Fact]
    public void Cancellation_and_error_use_the_seed_type_names()
    {
        Assert.Equal("cancellation_response", Json(new CancellationResponse(false, "no", 4)).GetProperty("type").GetString());
        var error = Json(new ErrorMessage("Missing slot_id in booking request"));
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("Missing slot_id in booking request", error.GetProperty("message").GetString());
    }

    [Fact]
    public void Slots_update_uses_snake_case_and_iso_timestamps()
    {
        var at = new DateTimeOffset(2025, 7, 28, 10, 30, 0, TimeSpan.Zero).AddTicks(1_234_560);
        var data = new SlotsData([new SlotView(9, "09:00", "10:00", true, at), new SlotView(10, "10:00", "11:00", false, null)], [10], [9]);
        var text = Encoding.UTF8.GetString(ServerMessageSerializer.ToUtf8(new SlotsUpdateMessage(data, at)));

        Assert.Equal(
            """{"type":"slots_update","data":{"slots":[{"id":9,"start_time":"09:00","end_time":"10:00","is_booked":true,"booked_at":"2025-07-28T10:30:00.123456+00:00"},{"id":10,"start_time":"10:00","end_time":"11:00","is_booked":false,"booked_at":null}],"available_slots":[10],"booked_slots":[9]},"timestamp":"2025-07-28T10:30:00.123456+00:00"}""",
            text);
    }

    [Fact]
    public void A_request_id_is_written_last_and_only_when_set()
    {
        var text = Encoding.UTF8.GetString(ServerMessageSerializer.ToUtf8(new CancellationResponse(false, "Slot 4 is not booked", 4) { RequestId = "r-7" }));
        Assert.Equal("""{"type":"cancellation_response","success":false,"message":"Slot 4 is not booked","slot_id":4,"request_id":"r-7"}""", text);
        Assert.DoesNotContain("request_id", Encoding.UTF8.GetString(ServerMessageSerializer.ToUtf8(new ErrorMessage("x"))));
    }

    [Fact]
    public void Calendar_date_and_request_id_come_last_in_that_order()
    {
        var answer = new BookingResponse(true, "Slot 9 booked successfully", 9) { RequestId = "r", Calendar = "lab", Date = new DateOnly(2026, 11, 26) };
        Assert.Equal(
            """{"type":"booking_response","success":true,"message":"Slot 9 booked successfully","slot_id":9,"calendar":"lab","date":"2026-11-26","request_id":"r"}""",
            Encoding.UTF8.GetString(ServerMessageSerializer.ToUtf8(answer)));
    }

    [Fact]
    public void My_bookings_lists_undated_bookings_with_null_date_and_times()
    {
        var at = new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);
        var message = new MyBookingsMessage([
            new MyBooking("default", null, 9, null, null, at),
            new MyBooking("lab", new DateOnly(2026, 11, 26), 10, at.AddDays(1), at.AddDays(1).AddHours(1), at),
        ]);
        Assert.Equal(
            """{"type":"my_bookings","bookings":[{"calendar":"default","date":null,"slot_id":9,"starts_at":null,"ends_at":null,"booked_at":"2026-11-25T09:30:00.000000+00:00"},"""
            + """{"calendar":"lab","date":"2026-11-26","slot_id":10,"starts_at":"2026-11-26T09:30:00.000000+00:00","ends_at":"2026-11-26T10:30:00.000000+00:00","booked_at":"2026-11-25T09:30:00.000000+00:00"}]}""",
            Encoding.UTF8.GetString(ServerMessageSerializer.ToUtf8(message)));
    }
}
