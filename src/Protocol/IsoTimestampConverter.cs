using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlotBooking.Protocol;

/// <summary>
/// Writes instants as ISO-8601 in UTC with microseconds and an explicit offset
/// (<c>2025-07-28T10:30:00.123456+00:00</c>), the form Python's <c>isoformat()</c> gives and parses,
/// so that seed clients read our timestamps unchanged.
/// </summary>
public sealed class IsoTimestampConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    // Written raw: the default encoder would escape '+' as \u002B, which is valid JSON but hard to read.
    // The format yields only digits and "-:.T+", none of which needs escaping.
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteRawValue($"\"{value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture)}\"", skipInputValidation: true);
}
