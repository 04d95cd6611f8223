using System.Collections.Immutable;
using Akka.Actor;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Storage;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Board;

/// <summary>
/// The read model of the board: the current state of every slot as published after each stored change. It answers
/// every read, so that reads never wake the slot actors, and tells the broadcaster about each change once all slots
/// are known. Also keeps the latest word on storage health, from failing slots and from the storage probe.
/// </summary>
public sealed class BoardActor : ReceiveActor
{
    private readonly SlotRange _range;
    private readonly IActorRef _broadcaster;
    private readonly TimeProvider _clock;
    private readonly SlotState?[] _slots;
    private readonly long[] _slotVersions;
    private int _known;
    private string? _storageProblem;
    private long _version;

    public BoardActor(SlotRange range, IActorRef broadcaster, TimeProvider clock)
    {
        _range = range;
        _broadcaster = broadcaster;
        _clock = clock;
        _slots = new SlotState?[range.Count];
        _slotVersions = new long[range.Count];

        Receive<SlotStateChanged>(Apply);
        Receive<StorageFailed>(m => _storageProblem = m.Problem);
        Receive<StorageAvailable>(_ => _storageProblem = null);
        Receive<GetBoard>(_ => Sender.Tell(View()));
        Receive<ReadBoard>(m => Sender.Tell(new BoardRead(m.CorrelationId, View())));
    }

    public static Props Props(SlotRange range, IActorRef broadcaster, TimeProvider clock) =>
        Akka.Actor.Props.Create(() => new BoardActor(range, broadcaster, clock));

    private bool IsReady => _known == _slots.Length;

    private void Apply(SlotStateChanged change)
    {
        var index = change.State.SlotId - _range.First;
        // A slot that restarts (after passivation or a storage failure) reports its unchanged state: nothing to broadcast.
        // A report older than what the board shows is stale: the slot's messages from an earlier incarnation came late.
        if (change.Version < _slotVersions[index] || (_slots[index] == change.State && change.Version == _slotVersions[index])) return;
        if (_slots[index] is null) _known++;
        _slots[index] = change.State;
        _slotVersions[index] = change.Version;
        _version++;
        if (IsReady) _broadcaster.Tell(new BoardChanged(KnownSlots(), _clock.GetUtcNow(), _version, Versions()));
    }

    private BoardView View() => new(IsReady, KnownSlots(), _storageProblem, _version, Versions());

    private SlotVersions Versions() => new(_range.First, ImmutableArray.Create(_slotVersions));

    private ImmutableArray<SlotState> KnownSlots()
    {
        var builder = ImmutableArray.CreateBuilder<SlotState>(_known);
        foreach (var slot in _slots)
            if (slot is not null) builder.Add(slot);
        return builder.MoveToImmutable();
    }
}
