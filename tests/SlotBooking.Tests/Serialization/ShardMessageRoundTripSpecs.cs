using System.Collections.Immutable;
using Akka.Actor;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Serialization;
using SlotBooking.Actors.Slots;
using SlotBooking.Actors.Storage;
using SlotBooking.Tests.Actors;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Serialization;

/// <summary>
/// Every message that goes through the boards' and slots' shard regions, through the serializer the host configures,
/// as it would cross to another node (on one node Akka never serializes it): bound to the project's serializer under
/// its stable manifest, and read back equal.
/// </summary>
public sealed class ShardMessageRoundTripSpecs : IDisposable
{
    private static readonly BoardKey Lab = new("lab", new NodaTime.LocalDate(2026, 11, 26));
    private static readonly SlotState Booked = new SlotState(9, new DateTimeOffset(2026, 11, 25, 9, 30, 0, 123, TimeSpan.Zero)) { BookedBy = "ada@example.org" };

    private readonly TempDatabase _database = new();
    private readonly ShardedSystem _system;

    public ShardMessageRoundTripSpecs() => _system = ShardedSystem.Start(_database.Path, SlotActorSettings.Default);

    public void Dispose()
    {
        _system.Dispose();
        _database.Dispose();
    }

    /// <summary>Serialized by the serializer Akka finds for it, with the manifest given, and read back from those bytes alone.</summary>
    private object RoundTrip(object message, string manifest)
    {
        var serialization = _system.System.Serialization;
        var serializer = serialization.FindSerializerFor(message);
        Assert.IsType<ShardMessageSerializer>(serializer);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, message));
        var bytes = serializer.ToBinary(message);
        return serialization.Deserialize(bytes, serializer.Identifier, manifest);
    }

    public static TheoryData<object, string> PlainMessages() => new()
    {
        { new BookSlot(9, 41, "b-17") { By = Requester.SignedIn("https://idp.example.org alice", isAdmin: true) }, ShardMessageSerializer.BookSlotV1 },
        { new BookSlot(3), ShardMessageSerializer.BookSlotV1 },
        { new CancelSlot(12, 7) { By = Requester.SignedIn("ada@example.org") }, ShardMessageSerializer.CancelSlotV1 },
        { new GetSlotState(5), ShardMessageSerializer.GetSlotStateV1 },
        { new SlotReply(41, new SlotCommandResult(9, SlotCommandKind.Cancel, SlotOutcome.NotYours, "Slot 9 was not booked by you"), 17), ShardMessageSerializer.SlotReplyV1 },
        // Answered by a node's undelivered-command responder to a sender that may be on another node.
        { SlotReply.Unreachable(new BookSlot(9, CorrelationId: 42)), ShardMessageSerializer.SlotReplyV1 },
        { new ReadBoard(99), ShardMessageSerializer.ReadBoardV1 },
        { GetBoard.Instance, ShardMessageSerializer.GetBoardV1 },
        { new SlotStateChanged(Booked, 4), ShardMessageSerializer.SlotStateChangedV1 },
        { new SlotStateChanged(SlotState.Free(3), 0), ShardMessageSerializer.SlotStateChangedV1 },
        { new StorageFailed("SQLite Error 5: 'database is locked'."), ShardMessageSerializer.StorageFailedV1 },
        { ReportSlotState.Instance, ShardMessageSerializer.ReportSlotStateV1 },
        { StopSlot.Instance, ShardMessageSerializer.StopSlotV1 },
        { BoardActor.Stop, ShardMessageSerializer.StopBoardV1 },
        { BoardActor.PassivateDay.Instance, ShardMessageSerializer.PassivateDayV1 },
        { new BoardEnvelope(BoardKey.Default, new BookSlot(9, 1)), ShardMessageSerializer.BoardEnvelopeV1 },
        { new BoardEnvelope(Lab, new SlotStateChanged(Booked, 2)), ShardMessageSerializer.BoardEnvelopeV1 },
        { new BoardEnvelope(Lab, GetBoard.Instance), ShardMessageSerializer.BoardEnvelopeV1 },
        { new BoardEnvelope(Lab, new StorageFailed("disk I/O error")), ShardMessageSerializer.BoardEnvelopeV1 },
        { new SlotEnvelope("slot-lab-2026-11-26-9", new CancelSlot(9, 3, "c-1")), ShardMessageSerializer.SlotEnvelopeV1 },
        { new SlotEnvelope("slot-9", ReportSlotState.Instance), ShardMessageSerializer.SlotEnvelopeV1 },
    };

    [Theory]
    [MemberData(nameof(PlainMessages))]
    public void A_message_through_a_region_reads_back_equal(object message, string manifest) =>
        Assert.Equal(message, RoundTrip(message, manifest));

    [Fact]
    public void A_board_view_and_a_read_of_it_read_back_with_every_slot_and_version()
    {
        var view = new BoardView(true, [SlotState.Free(8), Booked with { SlotId = 9 }], 12, new SlotVersions(8, [0, 4, 0]));

        var read = Assert.IsType<BoardRead>(RoundTrip(new BoardRead(5, view), ShardMessageSerializer.BoardReadV1));
        Assert.Equal(5, read.CorrelationId);
        AssertSameView(view, read.View);
        AssertSameView(view, Assert.IsType<BoardView>(RoundTrip(view, ShardMessageSerializer.BoardViewV1)));
    }

    [Fact]
    public void A_read_with_the_slot_versions_seen_reads_back_under_v2_and_one_without_under_v1()
    {
        var seen = new ReadBoard(8) { Seen = [new SlotAtVersion(9, 4), new SlotAtVersion(11, 1)] };
        var back = Assert.IsType<ReadBoard>(RoundTrip(seen, ShardMessageSerializer.ReadBoardV2));
        Assert.Equal(8, back.CorrelationId);
        Assert.Equal(seen.Seen, back.Seen!);
        var inEnvelope = Assert.IsType<BoardEnvelope>(RoundTrip(new BoardEnvelope(Lab, seen), ShardMessageSerializer.BoardEnvelopeV1));
        Assert.Equal(seen.Seen, Assert.IsType<ReadBoard>(inEnvelope.Message).Seen!);

        // Without versions, the bytes are v1's, as nodes of the build before read them.
        var plain = new ReadBoard(8) { Seen = [] };
        Assert.Equal(new ReadBoard(8), RoundTrip(plain, ShardMessageSerializer.ReadBoardV1));
        Assert.Equal("{\"correlation_id\":8}", System.Text.Encoding.UTF8.GetString(_system.System.Serialization.FindSerializerFor(plain).ToBinary(plain)));
    }

    [Fact]
    public void An_envelopes_message_is_carried_by_its_own_serializer()
    {
        // The slot's state in GetSlotState's answer is the journal's shape; inside an envelope it keeps that serializer.
        var envelope = new BoardEnvelope(Lab, Booked);
        var back = Assert.IsType<BoardEnvelope>(RoundTrip(envelope, ShardMessageSerializer.BoardEnvelopeV1));
        Assert.Equal(Lab, back.Board);
        Assert.Equal(Booked, back.Message);
    }

    private static void AssertSameView(BoardView expected, BoardView actual)
    {
        Assert.Equal(expected.IsReady, actual.IsReady);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Slots.ToArray(), actual.Slots.ToArray());
        Assert.Equal(expected.SlotVersions.FirstSlotId, actual.SlotVersions.FirstSlotId);
        Assert.Equal(expected.SlotVersions.Versions.ToArray(), actual.SlotVersions.Versions.ToArray());
    }
}
