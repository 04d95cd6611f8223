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
            default:
                return $"unrecognised frame: {System.Text.Encoding.UTF8.GetString(utf8)}";
        }
    }
}
