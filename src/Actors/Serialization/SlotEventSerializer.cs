using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Storage;

namespace SlotBooking.Actors.Serialization;

/// <summary>
/// Stores slot events, slot snapshots, the storage probe's snapshot (and its old journaled event) and days' touched hours as
/// JSON under stable, versioned manifests. The journal outlives this code: a manifest is never reused for another shape; a
/// changed shape gets a new "/v2" manifest and the old one keeps being read.
/// </summary>
public sealed class SlotEventSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4_201;

    // v1: no owner. v2 adds the owner (and who cancelled); a v1 payload reads as an anonymous booking.
    public const string SlotBookedV1 = "slot-booked/v1";
    public const string SlotBookedV2 = "slot-booked/v2";
    public const string SlotCancelledV1 = "slot-cancelled/v1";
    public const string SlotCancelledV2 = "slot-cancelled/v2";
    public const string SlotStateV1 = "slot-state/v1";
    public const string SlotStateV2 = "slot-state/v2";
    // Written to the journal by versions before the probe moved to the snapshot store; still read.
    public const string StorageProbedV1 = "storage-probed/v1";
    public const string StorageProbeSnapshotV1 = "storage-probe-snapshot/v1";
    public const string DayHourTouchedV1 = "day-hour-touched/v1";

    /// <summary>The types bound to this serializer; the host binds them in its serialization setup.</summary>
    public static readonly IReadOnlyList<Type> BoundTypes = [typeof(ISlotEvent), typeof(SlotState), typeof(StorageProbed), typeof(StorageProbeSnapshot), typeof(HourTouched)];

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        SlotBooked => SlotBookedV2,
        SlotCancelled => SlotCancelledV2,
        SlotState => SlotStateV2,
        StorageProbed => StorageProbedV1,
        StorageProbeSnapshot => StorageProbeSnapshotV1,
        HourTouched => DayHourTouchedV1,
        _ => throw new ArgumentException($"Cannot serialize {o.GetType()}", nameof(o)),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        SlotBooked e => JsonSerializer.SerializeToUtf8Bytes(e, PersistedJsonContext.Default.SlotBooked),
        SlotCancelled e => JsonSerializer.SerializeToUtf8Bytes(e, PersistedJsonContext.Default.SlotCancelled),
        SlotState s => JsonSerializer.SerializeToUtf8Bytes(s, PersistedJsonContext.Default.SlotState),
        StorageProbed p => JsonSerializer.SerializeToUtf8Bytes(p, PersistedJsonContext.Default.StorageProbed),
        StorageProbeSnapshot p => JsonSerializer.SerializeToUtf8Bytes(p, PersistedJsonContext.Default.StorageProbeSnapshot),
        HourTouched t => JsonSerializer.SerializeToUtf8Bytes(t, PersistedJsonContext.Default.HourTouched),
        _ => throw new ArgumentException($"Cannot serialize {obj.GetType()}", nameof(obj)),
    };

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        // The v2 shapes are the v1 shapes plus optional fields, so one type reads both.
        SlotBookedV1 or SlotBookedV2 => Required(JsonSerializer.Deserialize(bytes, PersistedJsonContext.Default.SlotBooked), manifest),
        SlotCancelledV1 or SlotCancelledV2 => Required(JsonSerializer.Deserialize(bytes, PersistedJsonContext.Default.SlotCancelled), manifest),
        SlotStateV1 or SlotStateV2 => Required(JsonSerializer.Deserialize(bytes, PersistedJsonContext.Default.SlotState), manifest),
        StorageProbedV1 => Required(JsonSerializer.Deserialize(bytes, PersistedJsonContext.Default.StorageProbed), manifest),
        StorageProbeSnapshotV1 => Required(JsonSerializer.Deserialize(bytes, PersistedJsonContext.Default.StorageProbeSnapshot), manifest),
        DayHourTouchedV1 => Required(JsonSerializer.Deserialize(bytes, PersistedJsonContext.Default.HourTouched), manifest),
        _ => throw new SerializationException($"Unknown slot event manifest '{manifest}'"),
    };

    private static object Required(object? value, string manifest) =>
        value ?? throw new SerializationException($"Stored '{manifest}' payload was null");
}

// Null owners are left out, so an anonymous event is as small as before.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlotBooked))]
[JsonSerializable(typeof(SlotCancelled))]
[JsonSerializable(typeof(SlotState))]
[JsonSerializable(typeof(StorageProbed))]
[JsonSerializable(typeof(StorageProbeSnapshot))]
[JsonSerializable(typeof(HourTouched))]
internal sealed partial class PersistedJsonContext : JsonSerializerContext;
