using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using SlotBooking.Actors.Catalog;

namespace SlotBooking.Actors.Serialization;

/// <summary>
/// Stores the calendar catalog's events as JSON under stable, versioned manifests, as <see cref="SlotEventSerializer"/>
/// does for slots: a manifest is never reused for another shape; a changed shape gets a new "/v2" manifest and the old
/// one keeps being read.
/// </summary>
public sealed class CalendarEventSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4_203;

    public const string CalendarCreatedV1 = "calendar-created/v1";
    public const string CalendarUpdatedV1 = "calendar-updated/v1";
    public const string CalendarRetiredV1 = "calendar-retired/v1";

    /// <summary>The types bound to this serializer; the host binds them in its serialization setup.</summary>
    public static readonly IReadOnlyList<Type> BoundTypes = [typeof(ICalendarEvent)];

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        CalendarCreated => CalendarCreatedV1,
        CalendarUpdated => CalendarUpdatedV1,
        CalendarRetired => CalendarRetiredV1,
        _ => throw new ArgumentException($"Cannot serialize {o.GetType()}", nameof(o)),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        CalendarCreated e => JsonSerializer.SerializeToUtf8Bytes(e, CatalogJsonContext.Default.CalendarCreated),
        CalendarUpdated e => JsonSerializer.SerializeToUtf8Bytes(e, CatalogJsonContext.Default.CalendarUpdated),
        CalendarRetired e => JsonSerializer.SerializeToUtf8Bytes(e, CatalogJsonContext.Default.CalendarRetired),
        _ => throw new ArgumentException($"Cannot serialize {obj.GetType()}", nameof(obj)),
    };

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        CalendarCreatedV1 => Required(JsonSerializer.Deserialize(bytes, CatalogJsonContext.Default.CalendarCreated), manifest),
        CalendarUpdatedV1 => Required(JsonSerializer.Deserialize(bytes, CatalogJsonContext.Default.CalendarUpdated), manifest),
        CalendarRetiredV1 => Required(JsonSerializer.Deserialize(bytes, CatalogJsonContext.Default.CalendarRetired), manifest),
        _ => throw new SerializationException($"Unknown calendar event manifest '{manifest}'"),
    };

    private static object Required(object? value, string manifest) =>
        value ?? throw new SerializationException($"Stored '{manifest}' payload was null");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CalendarCreated))]
[JsonSerializable(typeof(CalendarUpdated))]
[JsonSerializable(typeof(CalendarRetired))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
