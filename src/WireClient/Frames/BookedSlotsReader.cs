using System.Text.Json;

namespace SlotBooking.WireClient.Frames;

/// <summary>
/// Answers "is slot N booked?" from a <c>slots_update</c> frame by streaming to <c>data.booked_slots</c>,
/// without building the document: a fan-out listener does this for every frame it receives.
/// </summary>
public static class BookedSlotsReader
{
    /// <returns>true or false, or null if the frame has no <c>data.booked_slots</c> array.</returns>
    public static bool? IsBooked(ReadOnlySpan<byte> slotsUpdate, int slotId)
    {
        var reader = new Utf8JsonReader(slotsUpdate);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        if (!SeekProperty(ref reader, "data"u8) || reader.TokenType != JsonTokenType.StartObject) return null;
        if (!SeekProperty(ref reader, "booked_slots"u8) || reader.TokenType != JsonTokenType.StartArray) return null;

        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
            if (reader.TryGetInt32(out var id) && id == slotId) return true;
        return false;
    }

    /// <summary>Moves to the value of the named property of the current object, skipping the others.</summary>
    private static bool SeekProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) return true;
            reader.Skip();
        }
        return false;
    }
}
