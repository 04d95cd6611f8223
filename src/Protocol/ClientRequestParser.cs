using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace SlotBooking.Protocol;

/// <summary>
/// Turns one client frame (UTF-8 JSON) into a <see cref="ClientRequest"/>. It streams over the bytes with
/// <see cref="Utf8JsonReader"/>, so deep or huge documents are refused without building them in memory,
/// and every refusal says exactly what was wrong.
/// </summary>
public static class ClientRequestParser
{
    /// <summary>Deeper documents are refused as invalid JSON; no valid request nests at all.</summary>
    public const int MaxDepth = 16;

    private const int MaxEchoedLength = 64;

    public static ClientRequest Parse(ReadOnlySpan<byte> utf8)
    {
        // The reader does not validate text it skips over, so check the whole frame once (vectorised).
        if (!Utf8.IsValid(utf8))
            return new InvalidRequest("Invalid JSON: the message is not valid UTF-8");
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            return ParseDocument(ref reader);
        }
        catch (JsonException ex)
        {
            return new InvalidRequest($"Invalid JSON: {FirstSentence(ex.Message)}");
        }
    }

    private static ClientRequest ParseDocument(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            return new InvalidRequest("Invalid JSON: the message is empty");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = Describe(reader.TokenType);
            reader.Skip();
            ReadToEnd(ref reader);
            return new InvalidRequest($"Message must be a JSON object, got {kind}");
        }

        var type = FieldValue<string>.Missing;
        var slotId = FieldValue<int>.Missing;
        var requestId = FieldValue<string>.Missing;
        var calendar = FieldValue<string>.Missing;
        var date = FieldValue<DateOnly>.Missing;
        var token = FieldValue<string>.Missing;
        string? fieldError = null;

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("type"u8))
                Assign(ref type, ReadType(ref reader), "type", ref fieldError);
            else if (reader.ValueTextEquals("slot_id"u8))
                Assign(ref slotId, ReadSlotId(ref reader), "slot_id", ref fieldError);
            else if (reader.ValueTextEquals("request_id"u8))
                Assign(ref requestId, ReadRequestId(ref reader), "request_id", ref fieldError);
            else if (reader.ValueTextEquals("calendar"u8))
                Assign(ref calendar, ReadCalendar(ref reader), "calendar", ref fieldError);
            else if (reader.ValueTextEquals("date"u8))
                Assign(ref date, ReadDate(ref reader), "date", ref fieldError);
            else if (reader.ValueTextEquals("token"u8))
                Assign(ref token, ReadToken(ref reader), "token", ref fieldError);
            else
            {
                // Unknown fields are ignored, as the seed does; Skip streams over nested values.
                reader.Read();
                reader.Skip();
            }
        }
        ReadToEnd(ref reader);

        // A malformed request_id is refused first: nothing is done for a request whose answer could not be matched.
        if (requestId.Error is not null) return new InvalidRequest(requestId.Error);
        var id = requestId.Value;
        if (fieldError is not null) return new InvalidRequest(fieldError, id);
        if (type.Error is not null) return new InvalidRequest(type.Error, id);
        if (!type.IsPresent)
            return new InvalidRequest(
                $"Missing 'type' field; expected one of {MessageTypes.BookSlot}, {MessageTypes.CancelSlot}, {MessageTypes.GetSlots}", id);
        if ((calendar.Error ?? date.Error ?? token.Error) is { } whereError) return new InvalidRequest(whereError, id);

        ClientRequest request = type.Value switch
        {
            MessageTypes.BookSlot => SlotRequest(slotId, "booking", id, static (slot, rid) => new BookSlotRequest(slot, rid)),
            MessageTypes.CancelSlot => SlotRequest(slotId, "cancellation", id, static (slot, rid) => new CancelSlotRequest(slot, rid)),
            MessageTypes.GetSlots => id is null ? GetSlotsRequest.Instance : new GetSlotsRequest(id),
            MessageTypes.Watch => new WatchRequest(id),
            MessageTypes.Unwatch => new UnwatchRequest(id),
            _ => new InvalidRequest($"Unknown message type: {Echo(type.Value!)}", id),
        };
        // Most requests name no calendar and carry no token: they keep the shared instances and allocate nothing more.
        if (request is InvalidRequest || (!calendar.IsPresent && !date.IsPresent && !token.IsPresent)) return request;
        return request with { Calendar = calendar.Value, Date = date.IsPresent ? date.Value : null, Token = token.Value };
    }

    /// <summary>The refusal of a key given twice in one object: a frame's here, an HTTP body's in <see cref="StrictJson"/>.</summary>
    public static string DuplicateField(string name) => $"Duplicate field '{name}'";

    private static FieldValue<string> ReadToken(ref Utf8JsonReader reader) =>
        StringValue(ref reader, out var kind) is { } token
            ? FieldValue<string>.Of(token)
            : FieldValue<string>.Invalid($"Field 'token' must be a string (a bearer token), got {kind}");

    private static void Assign<T>(ref FieldValue<T> field, FieldValue<T> value, string name, ref string? duplicateError)
    {
        if (field.IsPresent || field.Error is not null) duplicateError ??= DuplicateField(name);
        field = value;
    }

    /// <summary>Moves to a field's value: a string is returned; anything else is skipped, and <paramref name="kind"/> says what it was.</summary>
    private static string? StringValue(ref Utf8JsonReader reader, out string kind)
    {
        reader.Read();
        kind = Describe(reader.TokenType);
        if (reader.TokenType == JsonTokenType.String) return reader.GetString()!;
        reader.Skip();
        return null;
    }

    private static FieldValue<string> ReadCalendar(ref Utf8JsonReader reader) =>
        StringValue(ref reader, out var kind) is { } calendar
            ? FieldValue<string>.Of(calendar)
            : FieldValue<string>.Invalid($"Field 'calendar' must be a string (a calendar id), got {kind}");

    private static FieldValue<DateOnly> ReadDate(ref Utf8JsonReader reader)
    {
        if (StringValue(ref reader, out var kind) is not { } text)
            return FieldValue<DateOnly>.Invalid($"Field 'date' must be a date as \"YYYY-MM-DD\", got {kind}");
        return IsoDates.TryParse(text, out var value)
            ? FieldValue<DateOnly>.Of(value)
            : FieldValue<DateOnly>.Invalid($"Field 'date' must be a date as \"YYYY-MM-DD\", got \"{Echo(text)}\"");
    }

    private static ClientRequest SlotRequest(FieldValue<int> slotId, string requestName, string? requestId, Func<int, string?, ClientRequest> create)
    {
        if (slotId.Error is not null) return new InvalidRequest(slotId.Error, requestId);
        if (!slotId.IsPresent) return new InvalidRequest($"Missing slot_id in {requestName} request", requestId);
        return create(slotId.Value, requestId);
    }

    private static FieldValue<string> ReadRequestId(ref Utf8JsonReader reader)
    {
        if (StringValue(ref reader, out var kind) is not { } value)
            return FieldValue<string>.Invalid($"{RequestIds.Rule}, got {kind}");
        if (RequestIds.IsValid(value)) return FieldValue<string>.Of(value);
        var problem = value.Length is 0 or > RequestIds.MaxLength
            ? $"got {value.Length} characters"
            : "got a character that is not printable ASCII";
        return FieldValue<string>.Invalid($"{RequestIds.Rule}, {problem}");
    }

    private static FieldValue<string> ReadType(ref Utf8JsonReader reader) =>
        StringValue(ref reader, out var kind) is { } type
            ? FieldValue<string>.Of(type)
            : FieldValue<string>.Invalid($"Field 'type' must be a string, got {kind}");

    private static FieldValue<int> ReadSlotId(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number)
        {
            var kind = Describe(reader.TokenType);
            reader.Skip();
            return FieldValue<int>.Invalid($"slot_id must be an integer, got {kind}");
        }

        // The whole frame is one buffer, so the number is one span; it is only copied into text for an error.
        var raw = reader.ValueSpan;
        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
            return FieldValue<int>.Invalid($"slot_id must be an integer, got {Echo(Encoding.UTF8.GetString(raw))}");
        if (!reader.TryGetInt32(out var value))
            return FieldValue<int>.Invalid($"slot_id {Echo(Encoding.UTF8.GetString(raw))} is not a valid slot number");
        return FieldValue<int>.Of(value);
    }

    /// <summary>Reads past the top-level value so that trailing garbage is reported as invalid JSON.</summary>
    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read()) { }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string Echo(string value) =>
        value.Length <= MaxEchoedLength ? value : value[..MaxEchoedLength] + "…";

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 7." – keep it, it helps; drop the "Path: $" noise.
        var cleaned = message.Replace(" Path: $ |", "", StringComparison.Ordinal);
        return cleaned.Length <= 200 ? cleaned : cleaned[..200] + "…";
    }

    private readonly record struct FieldValue<T>(bool IsPresent, T? Value, string? Error)
    {
        public static FieldValue<T> Missing => default;
        public static FieldValue<T> Of(T value) => new(true, value, null);
        public static FieldValue<T> Invalid(string error) => new(false, default, error);
    }
}
