using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SlotBooking.Protocol;

namespace SlotBooking.WireClient.Requests;

/// <summary>
/// Writes client requests as UTF-8 JSON: <c>{"type":"book_slot","slot_id":9}</c>, with <c>"request_id":"..."</c>
/// appended when one is given. Without a request id the bytes are exactly what clients have always sent.
/// </summary>
public static class RequestEncoder
{
    // The frames never end up in HTML, so characters such as '<' or '+' in a request id stay as they are.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Book(int slotId, string? requestId = null, DayAddress? day = null) => Encode(MessageTypes.BookSlot, slotId, requestId, day);

    public static byte[] Cancel(int slotId, string? requestId = null, DayAddress? day = null) => Encode(MessageTypes.CancelSlot, slotId, requestId, day);

    public static byte[] For(SlotOperation operation, int slotId, string? requestId = null) =>
        operation == SlotOperation.Book ? Book(slotId, requestId) : Cancel(slotId, requestId);

    public static byte[] GetSlots(string? requestId = null, DayAddress? day = null) => Encode(MessageTypes.GetSlots, slotId: null, requestId, day);

    private static byte[] Encode(string type, int? slotId, string? requestId, DayAddress? day)
    {
        // Refused here rather than as an error frame later: the server applies the same rule.
        if (requestId is not null && !RequestIds.IsValid(requestId))
            throw new ArgumentException($"{RequestIds.Rule}: '{requestId}'", nameof(requestId));
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("type"u8, type);
            if (slotId is { } id) json.WriteNumber("slot_id"u8, id);
            if (day is { } d)
            {
                json.WriteString("calendar"u8, d.Calendar);
                json.WriteString("date"u8, d.Date);
            }
            if (requestId is not null) json.WriteString("request_id"u8, requestId);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
