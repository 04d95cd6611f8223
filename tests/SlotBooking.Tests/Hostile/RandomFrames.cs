using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SlotBooking.Tests.Hostile;

/// <summary>Generators of client frames: well-formed, wrongly typed, mutated at the byte level, and garbage.</summary>
public static class RandomFrames
{
    private static readonly Gen<string> Types = Gen.Elements(
        "\"book_slot\"", "\"cancel_slot\"", "\"get_slots\"", "\"BOOK_SLOT\"", "\"\"", "\"book_slot \"",
        "5", "null", "true", "[\"book_slot\"]", "{\"t\":1}", "\"\\u0000\"", "\"book_slo\\u0074\"");

    private static readonly Gen<string> SlotIds = Gen.OneOf(
        Gen.Choose(-3, 30).Select(i => i.ToString()),
        Gen.Elements(
            "9.0", "9.5", "-0", "1e1", "9E0", "1e400", "99999999999999999999", "-2147483649", "2147483648",
            "\"9\"", "\"nine\"", "true", "false", "null", "[9]", "{\"id\":9}", "[]", "{}", "0x09", "09", "+9", "NaN"));

    private static readonly Gen<string> Extras = Gen.Elements(
        "", ",\"x\":1", ",\"user\":{\"name\":\"a\",\"tags\":[1,[2,[3]]]}", ",\"slot\":9", ",\"type2\":\"book_slot\"");

    /// <summary>Objects shaped like requests, with every field possibly absent, duplicated or of the wrong kind.</summary>
    private static readonly Gen<string> RequestLike =
        from type in Types
        from slot in SlotIds
        from extra in Extras
        from shape in Gen.Choose(0, 5)
        select shape switch
        {
            0 => $"{{\"type\":{type},\"slot_id\":{slot}{extra}}}",
            1 => $"{{\"slot_id\":{slot}{extra},\"type\":{type}}}",
            2 => $"{{\"type\":{type}{extra}}}",
            3 => $"{{\"slot_id\":{slot}{extra}}}",
            4 => $"{{\"type\":{type},\"slot_id\":{slot},\"slot_id\":{slot}}}",
            _ => $"[{{\"type\":{type},\"slot_id\":{slot}}}]",
        };

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

    public static Gen<byte[]> Frame(int sizeLimit) => Gen.Frequency(
        (6, RequestLike.Select(Encoding.UTF8.GetBytes)),
        (4, RequestLike.Select(Encoding.UTF8.GetBytes).SelectMany(Mutate)),
        (2, Garbage.Select(Encoding.UTF8.GetBytes)),
        (1, Garbage.Select(Encoding.UTF8.GetBytes).SelectMany(Mutate)),
        (1, Oversized(sizeLimit)));
}
