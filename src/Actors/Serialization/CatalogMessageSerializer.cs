using System.Collections.Immutable;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using Akka.Serialization;
using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;

namespace SlotBooking.Actors.Serialization;

/// <summary>
/// The messages that reach the calendar catalog (a cluster singleton, possibly on another node) and its answers, and
/// what it publishes to every node's follower, as JSON under stable, versioned manifests. A calendar travels as plain
/// values (its zone by IANA id, its access by name), as the journal's events do. A stored event inside
/// <see cref="CalendarEventStored"/> is written by the serializer Akka binds to it (the journal's), its id and manifest
/// beside the bytes. A manifest is never reused for another shape; a changed shape gets a new "/v2" manifest.
/// </summary>
public sealed class CatalogMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4_207;

    public const string CreateCalendarV1 = "create-calendar/v1";
    public const string UpdateCalendarV1 = "update-calendar/v1";
    public const string RetireCalendarV1 = "retire-calendar/v1";
    public const string CalendarChangedV1 = "calendar-changed/v1";
    public const string CalendarChangeRefusedV1 = "calendar-change-refused/v1";
    public const string WhenCatalogReadyV1 = "when-catalog-ready/v1";
    public const string CatalogReadyV1 = "catalog-ready/v1";
    public const string GetCatalogStateV1 = "get-catalog-state/v1";
    public const string CatalogStateV1 = "catalog-state/v1";
    public const string ReadCatalogViewV1 = "read-catalog-view/v1";
    public const string CatalogViewV1 = "catalog-view/v1";
    public const string CalendarEventStoredV1 = "calendar-event-stored/v1";
    public const string StopCatalogV1 = "stop-catalog/v1";

    /// <summary>The types bound to this serializer; the host binds them in its catalog setup.</summary>
    public static readonly IReadOnlyList<Type> BoundTypes =
    [
        typeof(CreateCalendar), typeof(UpdateCalendar), typeof(RetireCalendar), typeof(CalendarChanged), typeof(CalendarChangeRefused),
        typeof(WhenCatalogReady), typeof(CatalogReady), typeof(GetCatalogState), typeof(CalendarCatalogState), typeof(ReadCatalogView),
        typeof(CatalogView), typeof(CalendarEventStored), typeof(StopCatalog),
    ];

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        CreateCalendar => CreateCalendarV1,
        UpdateCalendar => UpdateCalendarV1,
        RetireCalendar => RetireCalendarV1,
        CalendarChanged => CalendarChangedV1,
        CalendarChangeRefused => CalendarChangeRefusedV1,
        WhenCatalogReady => WhenCatalogReadyV1,
        CatalogReady => CatalogReadyV1,
        GetCatalogState => GetCatalogStateV1,
        CalendarCatalogState => CatalogStateV1,
        ReadCatalogView => ReadCatalogViewV1,
        CatalogView => CatalogViewV1,
        CalendarEventStored => CalendarEventStoredV1,
        StopCatalog => StopCatalogV1,
        _ => throw new ArgumentException($"Cannot serialize {o.GetType()}", nameof(o)),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        CreateCalendar m => Json(m, CatalogMessageJsonContext.Default.CreateCalendar),
        UpdateCalendar m => Json(m, CatalogMessageJsonContext.Default.UpdateCalendar),
        RetireCalendar m => Json(m, CatalogMessageJsonContext.Default.RetireCalendar),
        CalendarChanged m => Json(CalendarData.Of(m.Calendar), CatalogMessageJsonContext.Default.CalendarData),
        CalendarChangeRefused m => Json(RefusalData.Of(m.Refusal), CatalogMessageJsonContext.Default.RefusalData),
        CalendarCatalogState m => Json(CatalogStateData.Of(m), CatalogMessageJsonContext.Default.CatalogStateData),
        CatalogView m => Json(CatalogViewData.Of(m), CatalogMessageJsonContext.Default.CatalogViewData),
        CalendarEventStored m => Json(Wrap(m), CatalogMessageJsonContext.Default.StoredEventData),
        // Messages without fields: the manifest says it all.
        WhenCatalogReady or CatalogReady or GetCatalogState or ReadCatalogView or StopCatalog => [],
        _ => throw new ArgumentException($"Cannot serialize {obj.GetType()}", nameof(obj)),
    };

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        CreateCalendarV1 => Read(bytes, manifest, CatalogMessageJsonContext.Default.CreateCalendar),
        UpdateCalendarV1 => Read(bytes, manifest, CatalogMessageJsonContext.Default.UpdateCalendar),
        RetireCalendarV1 => Read(bytes, manifest, CatalogMessageJsonContext.Default.RetireCalendar),
        CalendarChangedV1 => new CalendarChanged(Read(bytes, manifest, CatalogMessageJsonContext.Default.CalendarData).ToDefinition()),
        CalendarChangeRefusedV1 => new CalendarChangeRefused(Read(bytes, manifest, CatalogMessageJsonContext.Default.RefusalData).ToRefusal()),
        CatalogStateV1 => Read(bytes, manifest, CatalogMessageJsonContext.Default.CatalogStateData).ToState(),
        CatalogViewV1 => Read(bytes, manifest, CatalogMessageJsonContext.Default.CatalogViewData).ToView(),
        CalendarEventStoredV1 => Unwrap(Read(bytes, manifest, CatalogMessageJsonContext.Default.StoredEventData)),
        WhenCatalogReadyV1 => WhenCatalogReady.Instance,
        CatalogReadyV1 => CatalogReady.Instance,
        GetCatalogStateV1 => GetCatalogState.Instance,
        ReadCatalogViewV1 => ReadCatalogView.Instance,
        StopCatalogV1 => StopCatalog.Instance,
        _ => throw new SerializationException($"Unknown catalog message manifest '{manifest}'"),
    };

    private static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static T Read<T>(byte[] bytes, string manifest, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(bytes, type) ?? throw new SerializationException($"'{manifest}' payload was null");

    private StoredEventData Wrap(CalendarEventStored stored)
    {
        var serializer = system.Serialization.FindSerializerFor(stored.Event);
        return new StoredEventData(stored.SequenceNr, stored.Revision, serializer.Identifier,
            Akka.Serialization.Serialization.ManifestFor(serializer, stored.Event), serializer.ToBinary(stored.Event));
    }

    private CalendarEventStored Unwrap(StoredEventData data) =>
        new(data.SequenceNr, data.Revision,
            system.Serialization.Deserialize(data.Payload, data.SerializerId, data.Manifest) as ICalendarEvent
            ?? throw new SerializationException($"'{data.Manifest}' is not a calendar event"));
}

/// <summary>A calendar on the wire: plain values only.</summary>
internal sealed record CalendarData(
    string Id, string Name, string TimeZone, int FirstHour, int LastHour, int HorizonDays, int MinNoticeMinutes, string Access, bool Retired)
{
    public static CalendarData Of(CalendarDefinition c) =>
        new(c.Id, c.Name, c.TimeZoneId, c.FirstHour, c.LastHour, c.HorizonDays, c.MinNoticeMinutes, CalendarAccessNames.Of(c.Access), c.Retired);

    public CalendarDefinition ToDefinition() =>
        new(Id, Name, DateTimeZoneProviders.Tzdb[TimeZone], FirstHour, LastHour, HorizonDays, MinNoticeMinutes)
        {
            Access = CalendarAccessNames.Parse(Access),
            Retired = Retired,
        };
}

internal sealed record BookedHourData(DateOnly Date, int Hour);

internal sealed record RefusalData(CatalogRefusalKind Kind, string Message, CalendarConfigError[] Errors, BookedHourData[] Bookings)
{
    public static RefusalData Of(CatalogRefusal r) =>
        new(r.Kind, r.Message, [.. r.Errors], [.. r.Bookings.Select(b => new BookedHourData(b.Date.ToDateOnly(), b.Hour))]);

    public CatalogRefusal ToRefusal() => new(Kind, Message)
    {
        Errors = Errors,
        Bookings = [.. Bookings.Select(b => new BookedHour(LocalDate.FromDateOnly(b.Date), b.Hour))],
    };
}

internal sealed record CatalogStateData(CalendarData[] Calendars, Dictionary<string, int> LargestHorizons)
{
    public static CatalogStateData Of(CalendarCatalogState s) =>
        new([.. s.Calendars.Select(CalendarData.Of)], new Dictionary<string, int>(s.LargestHorizons, StringComparer.Ordinal));

    public CalendarCatalogState ToState() => new(
        [.. Calendars.Select(c => c.ToDefinition())],
        LargestHorizons.ToImmutableDictionary(StringComparer.Ordinal));
}

internal sealed record CatalogViewData(long SequenceNr, long Revision, CalendarData[] Stored, CalendarData? Pending)
{
    public static CatalogViewData Of(CatalogView v) =>
        new(v.SequenceNr, v.Revision, [.. v.Stored.Select(CalendarData.Of)], v.Pending is { } p ? CalendarData.Of(p) : null);

    public CatalogView ToView() => new(SequenceNr, Revision, [.. Stored.Select(c => c.ToDefinition())], Pending?.ToDefinition());
}

/// <summary>A stored event on the wire, as the event's own serializer wrote it.</summary>
internal sealed record StoredEventData(long SequenceNr, long Revision, int SerializerId, string Manifest, byte[] Payload);

// Enums by name, so that a reordered enum never changes what a message means between nodes of two versions.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(CreateCalendar))]
[JsonSerializable(typeof(UpdateCalendar))]
[JsonSerializable(typeof(RetireCalendar))]
[JsonSerializable(typeof(CalendarData))]
[JsonSerializable(typeof(RefusalData))]
[JsonSerializable(typeof(CatalogStateData))]
[JsonSerializable(typeof(CatalogViewData))]
[JsonSerializable(typeof(StoredEventData))]
internal sealed partial class CatalogMessageJsonContext : JsonSerializerContext;
