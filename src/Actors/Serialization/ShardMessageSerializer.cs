using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.Actors.Storage;

namespace SlotBooking.Actors.Serialization;

/// <summary>
/// The messages that go through the boards' and slots' shard regions, and their answers, as JSON under stable,
/// versioned manifests: what lets them cross to another node (on one node Akka does not serialize them). Nodes of two
/// versions may meet during a rolling upgrade, so a manifest is never reused for another shape; a changed shape gets a
/// new "/v2" manifest and the old one keeps being read. An envelope carries its message serialized by whichever
/// serializer Akka binds to it (its serializer id and manifest beside the bytes), as Akka's own envelopes do.
/// </summary>
public sealed class ShardMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4_205;

    public const string BoardEnvelopeV1 = "board-envelope/v1";
    public const string SlotEnvelopeV1 = "slot-envelope/v1";
    public const string BookSlotV1 = "book-slot/v1";
    public const string CancelSlotV1 = "cancel-slot/v1";
    public const string GetSlotStateV1 = "get-slot-state/v1";
    public const string SlotReplyV1 = "slot-reply/v1";
    public const string ReadBoardV1 = "read-board/v1";
    /// <summary>A read with the slot versions its reader has seen (<see cref="ReadBoard.Seen"/>); one without any is still written as v1.</summary>
    public const string ReadBoardV2 = "read-board/v2";
    public const string GetBoardV1 = "get-board/v1";
    public const string BoardReadV1 = "board-read/v1";
    public const string BoardViewV1 = "board-view/v1";
    public const string SlotStateChangedV1 = "slot-state-changed/v1";
    public const string StorageFailedV1 = "storage-failed/v1";
    public const string ReportSlotStateV1 = "report-slot-state/v1";
    public const string StopSlotV1 = "stop-slot/v1";
    public const string StopBoardV1 = "stop-board/v1";
    public const string PassivateDayV1 = "passivate-day/v1";

    /// <summary>The types bound to this serializer; the host binds them in its serialization setup.</summary>
    public static readonly IReadOnlyList<Type> BoundTypes =
    [
        typeof(BoardEnvelope), typeof(SlotEnvelope), typeof(BookSlot), typeof(CancelSlot), typeof(GetSlotState), typeof(SlotReply),
        typeof(ReadBoard), typeof(GetBoard), typeof(BoardRead), typeof(BoardView), typeof(SlotStateChanged), typeof(StorageFailed),
        typeof(ReportSlotState), typeof(StopSlot), typeof(BoardActor.StopBoard), typeof(BoardActor.PassivateDay),
    ];

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        BoardEnvelope => BoardEnvelopeV1,
        SlotEnvelope => SlotEnvelopeV1,
        BookSlot => BookSlotV1,
        CancelSlot => CancelSlotV1,
        GetSlotState => GetSlotStateV1,
        SlotReply => SlotReplyV1,
        ReadBoard { Seen: { Count: > 0 } } => ReadBoardV2,
        ReadBoard => ReadBoardV1,
        GetBoard => GetBoardV1,
        BoardRead => BoardReadV1,
        BoardView => BoardViewV1,
        SlotStateChanged => SlotStateChangedV1,
        StorageFailed => StorageFailedV1,
        ReportSlotState => ReportSlotStateV1,
        StopSlot => StopSlotV1,
        BoardActor.StopBoard => StopBoardV1,
        BoardActor.PassivateDay => PassivateDayV1,
        _ => throw new ArgumentException($"Cannot serialize {o.GetType()}", nameof(o)),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        BoardEnvelope e => Json(Wrap(e.Board.EntityId, e.Message), ShardJsonContext.Default.WrappedMessage),
        SlotEnvelope e => Json(Wrap(e.EntityId, e.Message), ShardJsonContext.Default.WrappedMessage),
        BookSlot m => Json(m, ShardJsonContext.Default.BookSlot),
        CancelSlot m => Json(m, ShardJsonContext.Default.CancelSlot),
        GetSlotState m => Json(m, ShardJsonContext.Default.GetSlotState),
        SlotReply m => Json(m, ShardJsonContext.Default.SlotReply),
        ReadBoard { Seen: { Count: > 0 } } m => Json(m, ShardJsonContext.Default.ReadBoard),
        // v1's shape: the correlation id alone, as nodes of the build before v2 read it.
        ReadBoard m => Json(new ReadBoard(m.CorrelationId), ShardJsonContext.Default.ReadBoard),
        BoardRead m => Json(m, ShardJsonContext.Default.BoardRead),
        BoardView m => Json(m, ShardJsonContext.Default.BoardView),
        SlotStateChanged m => Json(m, ShardJsonContext.Default.SlotStateChanged),
        StorageFailed m => Json(m, ShardJsonContext.Default.StorageFailed),
        // Messages without fields: the manifest says it all.
        GetBoard or ReportSlotState or StopSlot or BoardActor.StopBoard or BoardActor.PassivateDay => [],
        _ => throw new ArgumentException($"Cannot serialize {obj.GetType()}", nameof(obj)),
    };

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        BoardEnvelopeV1 => Unwrap(bytes, manifest, (entityId, message) =>
            new BoardEnvelope(BoardKey.FromEntityId(entityId) ?? throw new SerializationException($"'{entityId}' is not a board's entity id"), message)),
        SlotEnvelopeV1 => Unwrap(bytes, manifest, (entityId, message) => new SlotEnvelope(entityId, message)),
        BookSlotV1 => Read(bytes, manifest, ShardJsonContext.Default.BookSlot),
        CancelSlotV1 => Read(bytes, manifest, ShardJsonContext.Default.CancelSlot),
        GetSlotStateV1 => Read(bytes, manifest, ShardJsonContext.Default.GetSlotState),
        SlotReplyV1 => Read(bytes, manifest, ShardJsonContext.Default.SlotReply),
        ReadBoardV1 => new ReadBoard(Read(bytes, manifest, ShardJsonContext.Default.ReadBoard).CorrelationId),
        ReadBoardV2 => Read(bytes, manifest, ShardJsonContext.Default.ReadBoard),
        BoardReadV1 => Read(bytes, manifest, ShardJsonContext.Default.BoardRead),
        BoardViewV1 => Read(bytes, manifest, ShardJsonContext.Default.BoardView),
        SlotStateChangedV1 => Read(bytes, manifest, ShardJsonContext.Default.SlotStateChanged),
        StorageFailedV1 => Read(bytes, manifest, ShardJsonContext.Default.StorageFailed),
        GetBoardV1 => GetBoard.Instance,
        ReportSlotStateV1 => ReportSlotState.Instance,
        StopSlotV1 => StopSlot.Instance,
        StopBoardV1 => BoardActor.StopBoard.Instance,
        PassivateDayV1 => BoardActor.PassivateDay.Instance,
        _ => throw new SerializationException($"Unknown shard message manifest '{manifest}'"),
    };

    private static byte[] Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static T Read<T>(byte[] bytes, string manifest, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(bytes, type) ?? throw new SerializationException($"'{manifest}' payload was null");

    private WrappedMessage Wrap(string entityId, object message)
    {
        var serializer = system.Serialization.FindSerializerFor(message);
        return new WrappedMessage(entityId, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message), serializer.ToBinary(message));
    }

    private object Unwrap(byte[] bytes, string manifest, Func<string, object, object> envelope)
    {
        var wrapped = Read(bytes, manifest, ShardJsonContext.Default.WrappedMessage);
        return envelope(wrapped.EntityId, system.Serialization.Deserialize(wrapped.Payload, wrapped.SerializerId, wrapped.Manifest));
    }
}

/// <summary>An envelope on the wire: its entity id, and its message as the message's own serializer wrote it.</summary>
internal sealed record WrappedMessage(string EntityId, int SerializerId, string Manifest, byte[] Payload);

// Enums by name, so that a reordered enum never changes what a message means between nodes of two versions.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(WrappedMessage))]
[JsonSerializable(typeof(BookSlot))]
[JsonSerializable(typeof(CancelSlot))]
[JsonSerializable(typeof(GetSlotState))]
[JsonSerializable(typeof(SlotReply))]
[JsonSerializable(typeof(ReadBoard))]
[JsonSerializable(typeof(SlotAtVersion))]
[JsonSerializable(typeof(BoardRead))]
[JsonSerializable(typeof(BoardView))]
[JsonSerializable(typeof(SlotStateChanged))]
[JsonSerializable(typeof(StorageFailed))]
internal sealed partial class ShardJsonContext : JsonSerializerContext;
