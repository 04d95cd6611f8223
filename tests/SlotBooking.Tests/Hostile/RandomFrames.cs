using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace SlotBooking.Tests.Hostile;

/// <summary>Generators of client frames: well-formed, wrongly typed, mutated at the byte level, and garbage.</summary>
public static class RandomFrames
{
    private static readonly Gen<string> Types = Gen.Elements(
        "\"book_slot\"", "\"cancel_slot\"", "\"get_slots\"", "\"watch\"", "\"unwatch\"", "\"BOOK_SLOT\"", "\"\"", "\"book_slot \"",
        "5", "null", "true", "[\"book_slot\"]", "{\"t\":1}", "\"\\u0000\"", "\"book_slo\\u0074\"");

    private static readonly Gen<string> SlotIds = Gen.OneOf(
        Gen.Choose(-3, 30).Select(i => i.ToString()),
        Gen.Elements(
            "9.0", "9.5", "-0", "1e1", "9E0", "1e400", "99999999999999999999", "-2147483649", "2147483648",
            "\"9\"", "\"nine\"", "true", "false", "null", "[9]", "{\"id\":9}", "[]", "{}", "0x09", "09", "+9", "NaN"));

    private static readonly Gen<string> Extras = Gen.Elements(
        "", ",\"x\":1", ",\"user\":{\"name\":\"a\",\"tags\":[1,[2,[3]]]}", ",\"slot\":9", ",\"type2\":\"book_slot\"");

    /// <summary>Any text as a JSON string (escaped), for fields that take a string.</summary>
    private static readonly Gen<string> AnyJsonString = ArbMap.Default.GeneratorFor<string>().Select(s => JsonSerializer.Serialize(s ?? ""));

    private static readonly Gen<string> NonStrings = Gen.Elements("5", "null", "true", "{}", "[\"lab\"]", "-1.5e9");

    private static readonly Gen<string> Calendars = Gen.Frequency(
        (3, Gen.Constant("\"lab\"")),
        (1, Gen.Elements("\"default\"", "\"unknown\"", "\"LAB\"", "\"\"", "\"lab \"", "\"l\\u0061b\"", $"\"{new string('c', 300)}\"")),
        (1, NonStrings));

    private static readonly Gen<string> FarOrImpossibleDates = Gen.Elements(
        "0001-01-01", "9999-12-31", "1970-01-01", "2100-02-28", "2026-02-30", "2026-13-01", "2026-00-10", "2026-12-32",
        "0000-01-01", "2026-2-3", "2026-12-04T00:00", "+2026-12-04", "12/04/2026", "");

    private static Gen<string> Dates(FrameFields fields) => Gen.Frequency(
        (4, Gen.Elements([.. fields.NearDates, .. fields.EdgeDates]).Select(d => $"\"{d}\"")),
        (2, FarOrImpossibleDates.Select(d => $"\"{d}\"")),
        (1, AnyJsonString),
        (1, NonStrings));

    private static Gen<string> Tokens(FrameTokens tokens) => Gen.Frequency(
        (3, Gen.Elements(tokens.Valid.ToArray()).Select(t => $"\"{t}\"")),
        (3, Gen.Elements(tokens.Invalid.ToArray()).Select(t => JsonSerializer.Serialize(t))),
        (1, AnyJsonString),
        (1, NonStrings));

    private static readonly Gen<string> RequestIds = Gen.Frequency(
        (4, Gen.Choose(0, 999).Select(i => $"\"r-{i}\"")),
        (1, Gen.Elements("\"\"", $"\"{new string('r', 200)}\"", "\"r\\u00e9\"", "\"r\\n\"", "\"r 1\"")),
        (1, NonStrings));

    /// <summary>Each optional field: absent, or <c>,"name":value</c>; sometimes given twice.</summary>
    private static Gen<string> Optional(string name, Gen<string> values, int absentWeight) => Gen.Frequency(
        (absentWeight, Gen.Constant("")),
        (4, values.Select(v => $",\"{name}\":{v}")),
        (1, values.Two().Select(vs => $",\"{name}\":{vs.Item1},\"{name}\":{vs.Item2}")));

    /// <summary>Objects shaped like requests, with every field possibly absent, duplicated or of the wrong kind.</summary>
    private static Gen<string> RequestLike(FrameFields fields) =>
        from type in Types
        from slot in SlotIds
        from extra in Extras
        from place in Gen.Frequency(
            (2, Gen.Constant("")),
            (3, from c in Optional("calendar", Calendars, 1) from d in Optional("date", Dates(fields), 1) select c + d))
        from token in Optional("token", Tokens(fields.Tokens), 5)
        from requestId in Optional("request_id", RequestIds, 3)
        from shape in Gen.Choose(0, 5)
        select shape switch
        {
            0 => $"{{\"type\":{type},\"slot_id\":{slot}{place}{token}{requestId}{extra}}}",
            1 => $"{{\"slot_id\":{slot}{extra}{requestId}{place},\"type\":{type}{token}}}",
            2 => $"{{\"type\":{type}{place}{requestId}{extra}}}",
            3 => $"{{\"slot_id\":{slot}{place}{extra}}}",
            4 => $"{{\"type\":{type},\"slot_id\":{slot},\"slot_id\":{slot}{place}}}",
            _ => $"[{{\"type\":{type},\"slot_id\":{slot}{place}}}]",
        };

    /// <summary>Requests the server should carry out, on the default board or a near day of the lab, so that state changes.</summary>
    private static Gen<string> WellFormed(FrameFields fields) =>
        from type in Gen.Frequency(
            (4, Gen.Constant("book_slot")), (3, Gen.Constant("cancel_slot")), (1, Gen.Elements("get_slots", "watch", "unwatch")))
        from lab in Gen.Elements(true, false)
        from slot in lab ? Gen.Choose(8, 19) : Gen.Choose(3, 14)
        from date in Gen.Frequency((4, Gen.Elements(fields.NearDates.ToArray())), (1, Gen.Elements(fields.EdgeDates.ToArray())))
        from token in Gen.Frequency((2, Gen.Constant("")), (1, Gen.Elements(fields.Tokens.Valid.ToArray()).Select(t => $",\"token\":\"{t}\"")))
        from requestId in Gen.Frequency((1, Gen.Constant("")), (1, Gen.Choose(0, 99).Select(i => $",\"request_id\":\"w-{i}\"")))
        select $"{{\"type\":\"{type}\",\"slot_id\":{slot}{(lab ? $",\"calendar\":\"lab\",\"date\":\"{date}\"" : "")}{token}{requestId}}}";

    private static readonly Gen<string> Garbage = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Choose(1, 5_000).Select(n => new string('[', n)),
        Gen.Choose(1, 200).Select(n => string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n)),
        Gen.Elements("", " ", "null", "0", "\"\"", "{", "}", "{}", "[]", "{\"type\":\"get_slots\"} {}", "\u00ff\u00fe", "{\"type\":\"book_slot\",\"slot_id\":9"));

    /// <summary>One byte deleted, replaced or inserted (any value, so the result may not be UTF-8), or the frame cut short.</summary>
    private static Gen<byte[]> Mutate(byte[] bytes) =>
        from kind in Gen.Choose(0, 3)
        from position in Gen.Choose(0, Math.Max(0, bytes.Length - 1))
        from value in Gen.Choose(0, 255)
        select kind switch
        {
            0 when bytes.Length > 0 => [.. bytes[..position], .. bytes[(position + 1)..]],
            1 when bytes.Length > 0 => [.. bytes[..position], (byte)value, .. bytes[(position + 1)..]],
            2 => [.. bytes[..position], (byte)value, .. bytes[position..]],
            _ => bytes[..position],
        };

    /// <summary>An oversized frame, to hit the size limit (1009).</summary>
    private static Gen<byte[]> Oversized(int limit) =>
        Gen.Constant(Encoding.UTF8.GetBytes($"{{\"type\":\"get_slots\",\"pad\":\"{new string('x', limit + 10)}\"}}"));

    /// <param name="fields">Values only the running test knows: dates near today in the dated calendar's zone, and tokens.</param>
    public static Gen<byte[]> Frame(int sizeLimit, FrameFields fields) => Gen.Frequency(
        (4, WellFormed(fields).Select(Encoding.UTF8.GetBytes)),
        (6, RequestLike(fields).Select(Encoding.UTF8.GetBytes)),
        (4, RequestLike(fields).Select(Encoding.UTF8.GetBytes).SelectMany(Mutate)),
        (2, Garbage.Select(Encoding.UTF8.GetBytes)),
        (1, Garbage.Select(Encoding.UTF8.GetBytes).SelectMany(Mutate)),
        (1, Oversized(sizeLimit)));
}

/// <summary>Tokens a frame may carry: ones the host accepts, and ones it must refuse (garbage, expired, another key or issuer, unsigned).</summary>
public sealed record FrameTokens(IReadOnlyList<string> Valid, IReadOnlyList<string> Invalid);

/// <summary>
/// What frames are made of that depends on the run: <paramref name="NearDates"/> are bookable days of the dated calendar;
/// <paramref name="EdgeDates"/> are days at and beyond its edges (yesterday, the horizon's last day and the next, years 1 and 9999).
/// </summary>
public sealed record FrameFields(IReadOnlyList<string> NearDates, IReadOnlyList<string> EdgeDates, FrameTokens Tokens);
