using System.Text;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Serialization;
using SlotBooking.Actors.Storage;

namespace SlotBooking.Tests.Storage;

/// <summary>
/// Events outlive the code: v2 events carry owners and round-trip; v1 payloads, as stored, still read (as anonymous); the
/// storage probe's old journaled event still reads beside its snapshot.
/// </summary>
public sealed class SlotEventManifestTests : TestKit
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);
    private readonly SlotEventSerializer _serializer;

    public SlotEventManifestTests() => _serializer = new SlotEventSerializer((ExtendedActorSystem)Sys);

    private T RoundTrip<T>(T value, string expectedManifest)
    {
        Assert.Equal(expectedManifest, _serializer.Manifest(value!));
        return (T)_serializer.FromBinary(_serializer.ToBinary(value!), expectedManifest);
    }

    [Fact]
    public void Owned_events_and_snapshots_round_trip_under_the_v2_manifests()
    {
        Assert.Equal(new SlotBooked(9, At) { Owner = "alice" }, RoundTrip(new SlotBooked(9, At) { Owner = "alice" }, "slot-booked/v2"));
        var cancelled = new SlotCancelled(9, At) { Owner = "alice", CancelledBy = "root" };
        Assert.Equal(cancelled, RoundTrip(cancelled, "slot-cancelled/v2"));
        var state = new SlotState(9, At) { BookedBy = "alice" };
        Assert.Equal(state, RoundTrip(state, "slot-state/v2"));
    }

    [Fact]
    public void The_storage_probes_snapshot_round_trips_and_its_old_journaled_event_still_reads()
    {
        Assert.Equal(new StorageProbeSnapshot(At), RoundTrip(new StorageProbeSnapshot(At), "storage-probe-snapshot/v1"));
        // As journal-v1.db stores it.
        var stored = _serializer.FromBinary(Encoding.UTF8.GetBytes("""{"at":"2026-11-25T22:24:15.0477969+00:00"}"""), "storage-probed/v1");
        Assert.Equal(new StorageProbed(new DateTimeOffset(2026, 11, 25, 22, 24, 15, TimeSpan.Zero).AddTicks(477969)), stored);
    }

    [Fact]
    public void An_anonymous_event_is_stored_without_owner_fields()
    {
        var json = Encoding.UTF8.GetString(_serializer.ToBinary(new SlotBooked(9, At)));
        Assert.DoesNotContain("owner", json);
    }

    [Theory]
    [InlineData("slot-booked/v1", """{"slot_id":9,"booked_at":"2026-11-25T09:30:00+00:00"}""")]
    [InlineData("slot-cancelled/v1", """{"slot_id":9,"cancelled_at":"2026-11-25T09:30:00+00:00"}""")]
    [InlineData("slot-state/v1", """{"slot_id":9,"booked_at":"2026-11-25T09:30:00+00:00"}""")]
    public void A_v1_payload_reads_as_an_anonymous_one(string manifest, string payload)
    {
        var read = _serializer.FromBinary(Encoding.UTF8.GetBytes(payload), manifest);
        switch (read)
        {
            case SlotBooked b:
                Assert.Equal((9, At, (string?)null), (b.SlotId, b.BookedAt, b.Owner));
                break;
            case SlotCancelled c:
                Assert.Equal((9, At, (string?)null, (string?)null), (c.SlotId, c.CancelledAt, c.Owner, c.CancelledBy));
                break;
            case SlotState s:
                Assert.Equal((9, (DateTimeOffset?)At, (string?)null), (s.SlotId, s.BookedAt, s.BookedBy));
                break;
            default:
                Assert.Fail($"{manifest} read as {read.GetType()}");
                break;
        }
    }
}
