using System.Text.Json;
using SlotBooking.Protocol;

namespace SlotBooking.WireClient.Frames;

/// <summary>Reads a whole <c>slots_update</c> into the protocol's own records, for the views that show every slot.</summary>
public static class SlotsUpdateReader
{
    public static SlotsUpdateMessage? TryRead(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type)
                || type.GetString() != MessageTypes.SlotsUpdate
                || !root.TryGetProperty("data", out var data))
                return null;
            var slots = data.Deserialize(ProtocolJsonContext.Default.SlotsData);
            if (slots is null) return null;
            var timestamp = root.TryGetProperty("timestamp", out var t) && t.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.MinValue;
            return new SlotsUpdateMessage(slots, timestamp);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
