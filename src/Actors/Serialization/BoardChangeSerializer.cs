using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Serialization;

/// <summary>
/// Carries a <see cref="BoardChanged"/> between nodes (a board publishes it to its topic; each node's broadcaster
/// takes it) as JSON under a versioned manifest, as <see cref="SlotEventSerializer"/> does for the journal. Nodes of
/// different builds meet in a rolling upgrade: a changed shape gets a new "/v2" manifest and the old one keeps being read.
/// </summary>
public sealed class BoardChangeSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4_206;

    public const string BoardChangedV1 = "board-changed/v1";

    /// <summary>The types bound to this serializer; the host binds them in its pub-sub setup.</summary>
    public static readonly IReadOnlyList<Type> BoundTypes = [typeof(BoardChanged)];

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        BoardChanged => BoardChangedV1,
        _ => throw new ArgumentException($"Cannot serialize {o.GetType()}", nameof(o)),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        BoardChanged c => JsonSerializer.SerializeToUtf8Bytes(BoardChangedV1Shape.From(c), BroadcastJsonContext.Default.BoardChangedV1Shape),
        _ => throw new ArgumentException($"Cannot serialize {obj.GetType()}", nameof(obj)),
    };

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        BoardChangedV1 => (JsonSerializer.Deserialize(bytes, BroadcastJsonContext.Default.BoardChangedV1Shape)
                           ?? throw new SerializationException($"'{manifest}' payload was null")).ToMessage(),
        _ => throw new SerializationException($"Unknown board change manifest '{manifest}'"),
    };
}

/// <summary>
/// The wire shape of <c>board-changed/v1</c>: the board's key as its calendar id and ISO date (none for the undated
/// board), and each slot's stored version from the first slot's id on.
/// </summary>
internal sealed record BoardChangedV1Shape(
    string Calendar, DateOnly? Date, IReadOnlyList<SlotState> Slots, DateTimeOffset At, long Version, int FirstSlotId, IReadOnlyList<long> SlotVersions)
{
    public static BoardChangedV1Shape From(BoardChanged change) => new(
        change.Board.Calendar, change.Board.Date?.ToDateOnly(), change.Slots, change.At, change.Version,
        change.SlotVersions.FirstSlotId, change.SlotVersions.Versions);

    public BoardChanged ToMessage() =>
        new([.. Slots], At, Version, new SlotVersions(FirstSlotId, [.. SlotVersions]))
        {
            Board = new BoardKey(Calendar, Date is { } date ? LocalDate.FromDateOnly(date) : null),
        };
}

// Null owners and dates are left out: a change of the default board carries no date, an anonymous booking no owner.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BoardChangedV1Shape))]
internal sealed partial class BroadcastJsonContext : JsonSerializerContext;
