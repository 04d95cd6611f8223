using SlotBooking.WireClient.Frames;


namespace SlotBooking.Client.Commands;

/// <summary>One readable line per server frame, for the interactive commands.</summary>
public static class FrameDescriptions
{
    public static string Describe(ReadOnlySpan<byte> utf8)
    {
        var frame = ServerFrameReader.Read(utf8);
        switch (frame.Kind)
        {
            case ServerFrameKind.SlotsUpdate:
                var update = SlotsUpdateReader.TryRead(utf8);
                return update is null
                    ? "slots_update (unreadable)"
                    : $"slots_update: booked [{string.Join(", ", update.Data.BookedSlots)}], {update.Data.AvailableSlots.Count} free";
            case ServerFrameKind.BookingResponse or ServerFrameKind.CancellationResponse:
                var type = frame.Kind == ServerFrameKind.BookingResponse ? "booking_response" : "cancellation_response";
                return $"{type}: success={frame.Success.ToString().ToLowerInvariant()}, slot {frame.SlotId}: {frame.Message}";
            case ServerFrameKind.Error:
                return $"error: {frame.Message}";
            case ServerFrameKind.MyBookings:
                return $"my_bookings: {MyBookingsOf(utf8)}";
            default:
                return $"unrecognised frame: {System.Text.Encoding.UTF8.GetString(utf8)}";
        }
    }

    /// <summary>"9, lab 2026-11-26 10" for a signed-in user's bookings, or "none".</summary>
    private static string MyBookingsOf(ReadOnlySpan<byte> utf8)
    {
        using var document = System.Text.Json.JsonDocument.Parse(utf8.ToArray());
        var bookings = document.RootElement.GetProperty("bookings").EnumerateArray()
            .Select(b => b.GetProperty("date").ValueKind == System.Text.Json.JsonValueKind.String
                ? $"{b.GetProperty("calendar").GetString()} {b.GetProperty("date").GetString()} {b.GetProperty("slot_id").GetInt32()}"
                : b.GetProperty("slot_id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        return bookings.Length == 0 ? "none" : string.Join(", ", bookings);
    }
}
