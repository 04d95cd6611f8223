using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Actors.Owners;

namespace SlotBooking.Actors.Serialization;

/// <summary>
/// Stores the owners' projection's snapshot as JSON under a versioned manifest (<c>owner-index/v1</c>), in plain values:
/// dates as <c>YYYY-MM-DD</c>, never NodaTime's own shapes. A changed shape gets a new manifest; the old one is still read.
/// </summary>
public sealed class OwnerIndexSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4_204;
    public const string OwnerIndexV1 = "owner-index/v1";

    public static readonly IReadOnlyList<Type> BoundTypes = [typeof(OwnerIndexSnapshot)];

    public override int Identifier => Id;

    public override string Manifest(object o) =>
        o is OwnerIndexSnapshot ? OwnerIndexV1 : throw new ArgumentException($"Cannot serialize {o.GetType()}", nameof(o));

    public override byte[] ToBinary(object obj)
    {
        if (obj is not OwnerIndexSnapshot snapshot) throw new ArgumentException($"Cannot serialize {obj.GetType()}", nameof(obj));
        var stored = new StoredOwnerIndex(snapshot.Offset, [.. snapshot.Held.Select(h => new StoredHeld(
            h.Owner, h.PersistenceId, h.SequenceNr, h.CalendarId, h.Date is { } d ? LocalDatePattern.Iso.Format(d) : null, h.SlotId,
            h.BookedAt ?? throw new ArgumentException("A snapshot keeps only held bookings", nameof(obj))))]);
        return JsonSerializer.SerializeToUtf8Bytes(stored, OwnerIndexJsonContext.Default.StoredOwnerIndex);
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (manifest != OwnerIndexV1) throw new SerializationException($"Unknown owner index manifest '{manifest}'");
        var stored = JsonSerializer.Deserialize(bytes, OwnerIndexJsonContext.Default.StoredOwnerIndex)
                     ?? throw new SerializationException($"Stored '{manifest}' payload was null");
        return new OwnerIndexSnapshot(stored.Offset, [.. stored.Held.Select(h => new OwnedSlotChanged(
            h.Owner, h.PersistenceId, h.SequenceNr, h.CalendarId, h.Date is { } d ? LocalDatePattern.Iso.Parse(d).GetValueOrThrow() : (LocalDate?)null,
            h.SlotId, h.BookedAt))]);
    }
}

internal sealed record StoredOwnerIndex(long Offset, IReadOnlyList<StoredHeld> Held);

internal sealed record StoredHeld(string Owner, string PersistenceId, long SequenceNr, string CalendarId, string? Date, int SlotId, DateTimeOffset BookedAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StoredOwnerIndex))]
internal sealed partial class OwnerIndexJsonContext : JsonSerializerContext;
