using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace SlotBooking.Protocol;

/// <summary>
/// The JSON body of an HTTP route, read as strictly as <see cref="ClientRequestParser"/> reads a socket frame: valid
/// UTF-8, one JSON object, at most <see cref="ClientRequestParser.MaxDepth"/> deep, and no object with the same key twice
/// (the serializer would keep the last one, so <c>{"slot_id":1,"slot_id":2}</c> would mean whatever a proxy in
/// between did not check). Every route that reads a body reads it through here.
/// </summary>
public static class StrictJson
{
    /// <summary>The bodies the routes take are a few hundred bytes; a larger one is refused unread.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> of <paramref name="body"/>, checks them and deserializes them. The
    /// problem, if any, is a text written here that names the field at fault and never quotes a value or the
    /// serializer's own message (which names .NET types), so a route may answer it as it is.
    /// </summary>
    public static async Task<JsonBodyRead<T>> ReadAsync<T>(Stream body, JsonTypeInfo<T> type, CancellationToken ct, int maxBytes = MaxBodyBytes)
        where T : class
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 4096));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes) return JsonBodyRead<T>.Refused($"The body is larger than {maxBytes} bytes", tooLarge: true);
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0) break;
                length += read;
                if (length > maxBytes) return JsonBodyRead<T>.Refused($"The body is larger than {maxBytes} bytes", tooLarge: true);
            }
            return Read(buffer.AsSpan(0, length), type);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks and deserializes a whole body held in memory.</summary>
    public static JsonBodyRead<T> Read<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type) where T : class
    {
        if (Check(utf8) is { } problem) return JsonBodyRead<T>.Refused(problem.Detail, problem.Field);
        try
        {
            return JsonSerializer.Deserialize(utf8, type) is { } value
                ? JsonBodyRead<T>.Of(value)
                : JsonBodyRead<T>.Refused("The body must be a JSON object");
        }
        catch (JsonException e)
        {
            // Already checked as JSON, so the serializer refused a value (or, for a type that disallows them, a field).
            return FieldProblem(e.Path, type) is { } fieldProblem
                ? JsonBodyRead<T>.Refused(fieldProblem.Detail, fieldProblem.Field)
                : JsonBodyRead<T>.Refused("The body has a value of the wrong kind for this request");
        }
    }

    /// <summary>
    /// The first problem with <paramref name="utf8"/> as a body: not UTF-8, not JSON, not an object, too deep, or a key
    /// that appears twice in one object (at any depth; keys are compared unescaped, as the serializer matches them).
    /// </summary>
    public static (string Detail, string? Field)? Check(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8)) return ("The body is not valid UTF-8", null);
        if (utf8.Trim(" \t\r\n"u8).IsEmpty) return ("The body is empty: a JSON object is required", null);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = ClientRequestParser.MaxDepth });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                return ($"The body must be a JSON object, got {Describe(reader.TokenType)}", null);
            // The keys seen in each object that is still open, innermost last.
            var open = new Stack<HashSet<string>>();
            open.Push(new HashSet<string>(StringComparer.Ordinal));
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        open.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        open.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var key = reader.GetString()!;
                        if (!open.Peek().Add(key)) return (ClientRequestParser.DuplicateField(Shorten(key)), key);
                        break;
                }
            }
            return null;
        }
        catch (JsonException e)
        {
            // The reader's position, not its message: the message may quote the bytes it stopped at.
            return ($"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})", null);
        }
    }

    /// <summary>The field a serializer's path names (<c>$.slot_id</c>, <c>$['odd key']</c>), and what it should have held.</summary>
    private static (string Detail, string Field)? FieldProblem<T>(string? path, JsonTypeInfo<T> type)
    {
        if (FirstSegment(path) is not { } field) return null;
        var property = type.Properties.FirstOrDefault(p => p.Name == field);
        if (property is null) return ($"Field '{Shorten(field)}' is not a field of this request", field);
        return ($"Field '{field}' must be {Expected(property.PropertyType)}", field);
    }

    private static string? FirstSegment(string? path)
    {
        if (path is null || path.Length < 3 || path[0] != '$') return null;
        if (path[1] == '.')
        {
            var end = path.IndexOfAny(['.', '['], 2);
            return end < 0 ? path[2..] : path[2..end];
        }
        if (path.StartsWith("$['", StringComparison.Ordinal) && path.IndexOf("']", 3, StringComparison.Ordinal) is var close and > 3)
            return path[3..close];
        return null;
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "text (a JSON string)",
        var t when t == typeof(int) || t == typeof(long) => "a whole number in range",
        var t when t == typeof(bool) => "true or false",
        _ => "a value of another kind",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "something else",
    };

    private static string Shorten(string key) => key.Length <= 64 ? key : key[..64] + "…";
}

/// <summary>A body read by <see cref="StrictJson"/>: the value, or why it was refused (and the field at fault, if one was).</summary>
public readonly record struct JsonBodyRead<T>(T? Value, string? Problem, string? Field, bool TooLarge) where T : class
{
    public static JsonBodyRead<T> Of(T value) => new(value, null, null, false);
    public static JsonBodyRead<T> Refused(string problem, string? field = null, bool tooLarge = false) => new(null, problem, field, tooLarge);
}
