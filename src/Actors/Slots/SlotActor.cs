using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Owners;
using SlotBooking.Actors.Storage;

namespace SlotBooking.Actors.Slots;

/// <summary>
/// The only place a booking decision for one slot is made. Commands are decided one after another against
/// the state; the commands that arrive while a write is in flight are decided together, in order, and
/// written as one atomic batch. Nobody is answered before the batch holding their event is stored, and
/// a refusal is only given against stored state (or state whose write is in the same batch).
/// <para>A sharded entity (type <c>slot</c>, entity id = its persistence id): it reports its stored state to its board
/// through the boards' region, and it is passivated by sharding (when idle, and on hand-off) with its own
/// <see cref="StopSlot"/>, which it obeys once no write is in flight. Its code is the same on one node and on many.</para>
/// </summary>
public sealed class SlotActor : ReceivePersistentActor
{
    private readonly int _slotId;
    private readonly SlotIdentity _identity;
    private readonly SlotActorSettings _settings;
    // The boards' shard region (or, in a spec, a probe): where the slot reports its state, by its board's key.
    private readonly IActorRef _boards;
    private readonly CalendarLookup _calendars = CalendarLookup.For(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();

    private readonly List<PendingCommand> _queued = [];
    private IReadOnlyList<DecidedCommand>? _inFlight;
    private IReadOnlyList<ISlotEvent> _inFlightEvents = [];
    private SlotState _state;
    private long _lastSnapshotSequenceNr;
    private bool _stopWhenIdle;

    public SlotActor(SlotIdentity identity, SlotActorSettings settings, IActorRef boards)
    {
        _identity = identity;
        _slotId = identity.SlotId;
        _settings = settings;
        _boards = boards;
        _state = SlotState.Free(_slotId);

        Recover<SnapshotOffer>(offer =>
        {
            _state = (SlotState)offer.Snapshot;
            _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<ISlotEvent>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ => TellBoard(StateChanged));

        Command<ISlotCommand>(command =>
        {
            _queued.Add(new PendingCommand(command, Sender));
            if (_inFlight is null) DecideAndWriteQueued();
        });
        Command<GetSlotState>(_ => Sender.Tell(_state));
        Command<ReportSlotState>(_ => Sender.Tell(StateChanged));
        Command<StopSlot>(_ =>
        {
            _stopWhenIdle = true;
            StopIfIdleAndAsked();
        });
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Snapshot of slot {0} at {1} failed; recovery replays more events until the next one", _slotId, f.Metadata.SequenceNr));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => _log.Warning(f.Cause, "Deleting old snapshots of slot {0} failed", _slotId));
    }

    /// <summary>A slot of the default (undated) calendar.</summary>
    public static Props Props(int slotId, SlotActorSettings settings, IActorRef boards) =>
        Props(SlotIdentity.OfDefault(slotId), settings, boards);

    /// <param name="boards">The boards' shard region: the slot's board hears of its state through it, by the board's key.</param>
    public static Props Props(SlotIdentity identity, SlotActorSettings settings, IActorRef boards) =>
        Akka.Actor.Props.Create(() => new SlotActor(identity, settings, boards));

    public override string PersistenceId => _identity.PersistenceId;

    private bool IsIdle => _inFlight is null && _queued.Count == 0;

    private SlotStateChanged StateChanged => new(_state, LastSequenceNr);

    private void TellBoard(object message) => _boards.Tell(new BoardEnvelope(_identity.Board, message));

    private void DecideAndWriteQueued()
    {
        var now = _settings.Clock.GetUtcNow();
        var calendar = CurrentCalendar();
        var projected = _state;
        var decided = new List<DecidedCommand>(_queued.Count);
        var events = new List<ISlotEvent>(_queued.Count);
        foreach (var pending in _queued)
        {
            var decision = _identity.Date is { } date && calendar is { Dated: true }
                ? SlotDecider.DecideDated(projected, pending.Command, now, calendar, date)
                : SlotDecider.Decide(projected, pending.Command, now, calendar?.Access ?? CalendarAccess.Open);
            if (decision.Event is not null)
            {
                events.Add(decision.Event);
                projected = projected.Apply(decision.Event);
            }
            decided.Add(new DecidedCommand(pending.ReplyTo, pending.Command.CorrelationId, decision.Result));
        }
        _queued.Clear();

        if (events.Count == 0)
        {
            // Every refusal was decided against stored state: answer now.
            foreach (var d in decided) d.Answer(LastSequenceNr);
            StopIfIdleAndAsked();
            return;
        }

        _inFlight = decided;
        _inFlightEvents = events;
        PersistAllAsync(events, e => _state = _state.Apply(e));
        DeferAsync(BatchStored.Instance, _ => OnBatchStored());
    }

    /// <summary>
    /// The calendar as the registry holds it now (an admin may have changed it), else the one the slot started with;
    /// for an undated slot the default calendar's, and none (open to all) where no registry is installed.
    /// </summary>
    private CalendarDefinition? CurrentCalendar() => _identity.Calendar is { } started
        ? _calendars.Find(started.Id) ?? started
        : _calendars.Find(CalendarDefinition.DefaultId);

    private static string? OwnerOf(ISlotEvent e) => e switch
    {
        SlotBooked b => b.Owner,
        SlotCancelled c => c.Owner,
        _ => null,
    };

    /// <summary>Tells the owners' read models of each stored event that concerns an owner, with its sequence number.</summary>
    private void PublishOwnedChanges()
    {
        var first = LastSequenceNr - _inFlightEvents.Count + 1;
        for (var i = 0; i < _inFlightEvents.Count; i++)
        {
            var e = _inFlightEvents[i];
            if (OwnerOf(e) is not { } owner) continue;
            Context.System.EventStream.Publish(new OwnedSlotChanged(
                owner, PersistenceId, first + i, _identity.Calendar?.Id ?? CalendarDefinition.DefaultId, _identity.Date, _slotId,
                (e as SlotBooked)?.BookedAt));
        }
    }

    private void OnBatchStored()
    {
        // A rejected batch was already answered in OnPersistRejected.
        if (_inFlight is null) return;
        // The board hears of the change before anyone is answered, so a read made after an answer includes it.
        TellBoard(StateChanged);
        PublishOwnedChanges();
        foreach (var d in _inFlight) d.Answer(LastSequenceNr);
        _inFlight = null;
        _inFlightEvents = [];
        SnapshotIfDue();

        if (_queued.Count > 0) DecideAndWriteQueued();
        else StopIfIdleAndAsked();
    }

    private void SnapshotIfDue()
    {
        if (LastSequenceNr - _lastSnapshotSequenceNr < _settings.SnapshotEvery) return;
        _lastSnapshotSequenceNr = LastSequenceNr;
        SaveSnapshot(_state);
    }

    private void StopIfIdleAndAsked()
    {
        if (_stopWhenIdle && IsIdle) Context.Stop(Self);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // SQLite rolls a failed transaction back, so normally nothing was stored; either way the actor stops and
        // recovers from what the journal holds, and the board broadcasts that. Nobody in the batch, nor anyone
        // queued behind it, is told it succeeded.
        _log.Error(cause, "Storing a batch for slot {0} failed at sequence {1}; the slot restarts from stored state", _slotId, sequenceNr);
        TellBoard(new StorageFailed(StorageProblem.Describe(cause)));
        FailEveryoneWaiting();
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        // The journal refused the batch without writing it: state is unchanged and the actor goes on.
        _log.Error(cause, "The journal rejected a batch for slot {0} at sequence {1}; nothing was stored", _slotId, sequenceNr);
        TellBoard(new StorageFailed(StorageProblem.Describe(cause)));
        if (_inFlight is null) return;
        foreach (var d in _inFlight) d.ReplyTo.Tell(Failed(d));
        _inFlight = null;
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        // Commands held during recovery become dead letters when the actor stops; UndeliveredCommandResponder answers them.
        TellBoard(new StorageFailed(StorageProblem.Describe(reason)));
        base.OnRecoveryFailure(reason, message);
    }

    private void FailEveryoneWaiting()
    {
        foreach (var d in _inFlight ?? []) d.ReplyTo.Tell(Failed(d));
        foreach (var p in _queued) p.ReplyTo.Tell(SlotReply.StorageFailed(p.Command));
        _inFlight = null;
        _queued.Clear();
    }

    private SlotReply Failed(DecidedCommand d) =>
        new(d.CorrelationId, SlotCommandResult.StorageFailed(_slotId, d.Result.Kind), 0);

    private sealed record PendingCommand(ISlotCommand Command, IActorRef ReplyTo);

    private sealed record DecidedCommand(IActorRef ReplyTo, long CorrelationId, SlotCommandResult Result)
    {
        /// <param name="stateVersion">The stored version the answer reflects: the slot's sequence number once its batch is written.</param>
        public void Answer(long stateVersion) => ReplyTo.Tell(new SlotReply(CorrelationId, Result, stateVersion));
    }

    private sealed record BatchStored
    {
        public static BatchStored Instance { get; } = new();
    }
}
