using System.Collections.Immutable;
using Akka.Actor;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Storage;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Board;

/// <summary>
/// Holds the current state of every slot as published after each stored change, and answers every read,
/// so that reads never wake the slot actors. Tells the broadcaster about each change once all slots are known.
/// Also keeps the latest word on storage health, from failing slots and from the storage probe.
/// </summary>
public sealed class BoardActor : ReceiveActor
{
    private readonly SlotRange _range;
    private readonly IActorRef _broadcaster;
    private readonly TimeProvider _clock;
    private readonly SlotState?[] _slots;
    private int _known;
    private int _activeConnections;
    private string? _storageProblem;
    private long _version;

    public BoardActor(SlotRange range, IActorRef broadcaster, TimeProvider clock)
    {
        _range = range;
        _broadcaster = broadcaster;
        _clock = clock;
        _slots = new SlotState?[range.Count];

        Receive<SlotStateChanged>(m => Apply(m.State));
        Receive<SlotBatchStored>(OnBatchStored);
        Receive<ActiveConnectionsChanged>(m => _activeConnections = m.Count);
        Receive<StorageFailed>(m => _storageProblem = m.Problem);
        Receive<StorageAvailable>(_ => _storageProblem = null);
        Receive<GetBoard>(_ => Sender.Tell(View()));
    }

    public static Props Props(SlotRange range, IActorRef broadcaster, TimeProvider clock) =>
        Akka.Actor.Props.Create(() => new BoardActor(range, broadcaster, clock));

    protected override void PreStart() => _broadcaster.Tell(new ReportConnectionsTo(Self));

    private bool IsReady => _known == _slots.Length;

    private void OnBatchStored(SlotBatchStored batch)
    {
        Apply(batch.State);
        foreach (var answer in batch.Answers)
            answer.ReplyTo.Tell(answer.Result with { BoardVersion = _version });
    }

    private void Apply(SlotState state)
    {
        var index = state.SlotId - _range.First;
        // A slot that restarts (after passivation or a storage failure) reports its unchanged state: nothing to broadcast.
        if (_slots[index] == state) return;
        if (_slots[index] is null) _known++;
        _slots[index] = state;
        _version++;
        if (IsReady) _broadcaster.Tell(new BoardChanged(KnownSlots(), _clock.GetUtcNow(), _version));
    }

    private BoardView View() => new(IsReady, KnownSlots(), _activeConnections, _storageProblem, _version);

    private ImmutableArray<SlotState> KnownSlots()
    {
        var builder = ImmutableArray.CreateBuilder<SlotState>(_known);
        foreach (var slot in _slots)
            if (slot is not null) builder.Add(slot);
        return builder.MoveToImmutable();
    }
}
