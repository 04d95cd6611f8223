using System.Text.Json;
using SlotBooking.Protocol;

namespace SlotBooking.WireClient.Frames;

/// <summary>
/// Classifies a server frame by streaming over its first fields. The server writes <c>type</c> first, so a
/// <c>slots_update</c> (the large, frequent frame) or a <c>my_bookings</c> is recognised without reading its data, nor anything
/// after its type: a <c>request_id</c> is read from answers (booking, cancellation, error) only.
/// </summary>
public static class ServerFrameReader
{
    public static ServerFrame Read(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return ReadObject(utf8);
        }
        catch (JsonException ex)
        {
            return new ServerFrame(ServerFrameKind.Unrecognised, false, 0, $"invalid JSON: {ex.Message}");
        }
    }

    private static ServerFrame ReadObject(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return new ServerFrame(ServerFrameKind.Unrecognised, false, 0, "not a JSON object");

        ServerFrameKind? kind = null;
        var success = false;
        var slotId = 0;
        string? message = null;
        string? requestId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                kind = KindOf(ref reader);
                if (kind is ServerFrameKind.SlotsUpdate or ServerFrameKind.MyBookings) return new ServerFrame(kind.Value, false, 0, null);
            }
            else if (reader.ValueTextEquals("success"u8))
            {
                reader.Read();
                success = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("slot_id"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number) reader.TryGetInt32(out slotId);
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("request_id"u8))
            {
                reader.Read();
                requestId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new ServerFrame(kind ?? ServerFrameKind.Unrecognised, success, slotId, message ?? (kind is null ? "no 'type' field" : null), requestId);
    }

    // Compares the bytes in place: every frame a load client reads passes here, and none needs the type as a string.
    private static ServerFrameKind KindOf(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.String ? ServerFrameKind.Unrecognised
        : reader.ValueTextEquals(MessageTypes.SlotsUpdate) ? ServerFrameKind.SlotsUpdate
        : reader.ValueTextEquals(MessageTypes.BookingResponse) ? ServerFrameKind.BookingResponse
        : reader.ValueTextEquals(MessageTypes.CancellationResponse) ? ServerFrameKind.CancellationResponse
        : reader.ValueTextEquals(MessageTypes.Error) ? ServerFrameKind.Error
        : reader.ValueTextEquals("my_bookings"u8) ? ServerFrameKind.MyBookings
        : ServerFrameKind.Unrecognised;
}
