using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// Every owner's "my bookings". It folds the journal (the all-events query, see <see cref="OwnerProjection"/>) while it
/// hears the slots' <see cref="OwnedSlotChanged"/> (in a cluster, every node's, through <see cref="OwnedSlotsTopic"/>;
/// without a pub-sub mediator, this system's event stream), and merges the two by each slot's sequence number, so a
/// change is counted once whichever way it arrives. What it has read is saved as a snapshot with the
/// journal offset it reached (<see cref="OwnerIndexSnapshot"/>), so a start reads only the journal after it, and it
/// catches up and saves again every <see cref="OwnerBookingsSettings.CatchUpInterval"/>. A read that fails is logged and
/// retried, and nobody is answered with a partial list.
/// <para>
/// A projection per node, not a sharded entity or a singleton: the journal is the source of truth and every node folds
/// it, so a read needs no hop to another node, and the connections watching an owner (objects of this node) stay on it.
/// A change stored by a slot on any node is heard here through the topic; one the topic lost (it is at most once) is
/// read from the journal at the next catch-up. Every node saves its snapshot under the one persistence id <see cref="Id"/> (sequence number 0, so each save
/// replaces the last): that is safe, because each snapshot is a fold of a prefix of the one global journal up to its
/// offset, plus changes merged by per-slot sequence number; whichever node's snapshot a start loads, reading the journal
/// after its offset and merging yields the same bookings.
/// </para>
/// <para>
/// The connections watching an owner, and reads, go to one <see cref="OwnerBookings"/> child per owner, started on demand
/// with that owner's slots and given them again after each change (<see cref="OwnerSlots"/>). A child with no connection
/// that has been idle says so (<see cref="OwnerBookingsIdle"/>); if no connection watches the owner here either, the
/// index takes it out of its map at once and tells it <see cref="StopOwnerBookings"/> after everything already sent to
/// it, so whatever arrives from then on starts a new incarnation under a fresh name, and the stopping one answers what
/// reached it first or hands it back. A child that fails is started again at once for the connections still watching.
/// </para>
/// </summary>
public sealed class OwnerIndex : ReceivePersistentActor, IWithTimers
{
    public const string Id = "owner-index";

    private readonly OwnerBookingsSettings _settings;
    // The node's DistributedPubSub mediator, or null to hear this system's event stream alone (a spec without a cluster).
    private readonly IActorRef? _mediator;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    // The running incarnation of each owner's read model; one that is stopping is no longer here.
    private readonly Dictionary<string, IActorRef> _running = [];
    // Counts incarnations, so each has a name of its own (a stopping one keeps its name until it has stopped).
    private long _incarnations;
    // The connections watching each owner, so that a child that failed can be started again for them.
    private readonly Dictionary<string, HashSet<IMyBookingsSubscriber>> _watchers = [];
    private Dictionary<string, OwnedSlots> _all = [];
    // The journal's ordering up to which every event has been folded in.
    private long _offset;
    private bool _loaded;
    private bool _reading;
    private int _failures;

    public OwnerIndex(OwnerBookingsSettings settings, IActorRef? mediator)
    {
        _settings = settings;
        _mediator = mediator;

        Recover<SnapshotOffer>(offer =>
        {
            var snapshot = (OwnerIndexSnapshot)offer.Snapshot;
            _offset = snapshot.Offset;
            _all = snapshot.Held.GroupBy(h => h.Owner).ToDictionary(g => g.Key, g => OwnedSlots.Of(g));
        });
        Recover<RecoveryCompleted>(_ =>
        {
            StartRead();
            Timers.StartPeriodicTimer(CatchUp.Instance, CatchUp.Instance, _settings.CatchUpInterval);
        });

        Command<WatchOwner>(watch =>
        {
            if (!_watchers.TryGetValue(watch.Owner, out var watchers)) _watchers[watch.Owner] = watchers = [];
            watchers.Add(watch.Subscriber);
            Running(watch.Owner).Tell(watch, Sender);
        });
        Command<UnwatchOwner>(unwatch =>
        {
            if (_watchers.TryGetValue(unwatch.Owner, out var watchers) && watchers.Remove(unwatch.Subscriber) && watchers.Count == 0)
                _watchers.Remove(unwatch.Owner);
            // Nothing to start for: a child that is not running has no subscribers.
            if (_running.TryGetValue(unwatch.Owner, out var child)) child.Tell(unwatch, Sender);
        });
        Command<GetMyBookings>(get => Running(get.Owner).Tell(get, Sender));
        Command<OwnedSlotChanged>(change =>
        {
            var before = SlotsOf(change.Owner);
            var after = before.Merge(change);
            if (ReferenceEquals(before, after)) return;
            _all[change.Owner] = after;
            // A running read model is given the owner's new slots; one started later begins from them.
            if (_loaded && _running.TryGetValue(change.Owner, out var child)) child.Tell(new OwnerSlots(after));
        });
        Command<SubscribeAck>(_ => { });
        Command<ProjectionRead>(OnRead);
        Command<ProjectionFailed>(OnFailed);
        Command<RetryRead>(_ => StartRead());
        Command<CatchUp>(_ =>
        {
            if (!_reading) StartRead();
        });
        // It persists no events, so every snapshot has sequence number 0 and replaces the one before it in the store.
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(failed => _log.Warning(failed.Cause, "Saving the owners' projection failed; the next start reads more of the journal"));
        Command<OwnerBookingsIdle>(idle => StopIfIdle(idle.Owner, Sender));
        Command<OwnerStopped>(stopped =>
        {
            // One this index stopped is no longer in the map (or a newer incarnation is): nothing to do.
            if (!_running.TryGetValue(stopped.Owner, out var child) || !child.Equals(stopped.Child)) return;
            _running.Remove(stopped.Owner);
            if (!_watchers.TryGetValue(stopped.Owner, out var watchers)) return;
            _log.Warning("The bookings of {0} stopped unexpectedly; restarting them for {1} watching connections", OwnerNames.For(stopped.Owner), watchers.Count);
            var restarted = Running(stopped.Owner);
            foreach (var subscriber in watchers) restarted.Tell(new WatchOwner(stopped.Owner, subscriber), Self);
        });
    }

    /// <param name="mediator">The node's DistributedPubSub mediator, to hear every node's changes on <see cref="OwnedSlotsTopic"/>;
    /// null hears this system's event stream.</param>
    public static Props Props(OwnerBookingsSettings settings, IActorRef? mediator = null) =>
        Akka.Actor.Props.Create(() => new OwnerIndex(settings, mediator));

    public override string PersistenceId => Id;

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        // Subscribed before the read starts (after recovery), so no change falls between the two (on other nodes, once
        // the subscription has spread; what they published before is read at the next catch-up).
        if (_mediator is null) Context.System.EventStream.Subscribe(Self, typeof(OwnedSlotChanged));
        else _mediator.Tell(new Subscribe(OwnedSlotsTopic.Name, Self));
        base.PreStart();
    }

    protected override void PostStop()
    {
        if (_mediator is null) Context.System.EventStream.Unsubscribe(Self);
        else _mediator.Tell(new Unsubscribe(OwnedSlotsTopic.Name, Self));
        base.PostStop();
    }

    /// <summary>A child that fails is stopped, not restarted in place: it starts again from this index's state.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>
    /// Folds every event stored after the offset into a fresh map that comes back as a message, with the newest offset
    /// read; nothing of this actor is touched off its thread. The read journal is resolved off the actor's thread too,
    /// since its first resolution waits for the journal.
    /// </summary>
    private void StartRead()
    {
        _reading = true;
        var readJournal = _settings.ReadJournal;
        var system = Context.System;
        var materializer = Context.Materializer();
        var timeout = _settings.QueryTimeout;
        var from = _offset > 0 ? Offset.Sequence(_offset) : Offset.NoOffset();
        var startedAt = _offset;
        Task.Run(() => readJournal(system)
                .CurrentAllEvents(from)
                .CompletionTimeout(timeout)
                .RunAggregate(new ProjectionRead([], startedAt), (read, envelope) =>
                {
                    OwnerProjection.Add(read.Owners, envelope);
                    return envelope.Offset is Sequence { Value: var ordering } && ordering > read.Offset ? read with { Offset = ordering } : read;
                }, materializer))
            .PipeTo(Self, success: read => read, failure: cause => new ProjectionFailed(cause));
    }

    private void OnRead(ProjectionRead read)
    {
        if (_failures > 0) _log.Info("Read the owners' bookings from the journal after {0} failed attempts", _failures);
        _failures = 0;
        _reading = false;
        // What was known (the snapshot, and changes heard meanwhile) is merged in; the rule keeps the newest of each
        // slot, counted once.
        foreach (var (owner, known) in _all) read.Owners[owner] = (read.Owners.GetValueOrDefault(owner) ?? OwnedSlots.Empty).Merge(known);
        var changed = read.Offset > _offset;
        _all = read.Owners;
        _offset = Math.Max(_offset, read.Offset);
        if (changed) SaveSnapshot(new OwnerIndexSnapshot(_offset, [.. _all.Values.SelectMany(slots => slots.Held)]));
        // A catch-up gives running read models what it added, if anything; the first read gives those started before it
        // what they wait for. One stopping now hands what it holds back, and its next incarnation starts from the index.
        _loaded = true;
        foreach (var (owner, child) in _running) child.Tell(new OwnerSlots(SlotsOf(owner)));
    }

    private void OnFailed(ProjectionFailed failed)
    {
        _reading = false;
        _failures++;
        var delay = TimeSpan.FromTicks(Math.Min(
            _settings.MaxRetryDelay.Ticks,
            _settings.FirstRetryDelay.Ticks * (1L << Math.Min(_failures - 1, 20))));
        _log.Error(failed.Cause, "Reading the owners' bookings from the journal failed (attempt {0}); retrying in {1}", _failures, delay);
        var unavailable = new OwnerUnavailable($"The bookings could not be read from storage: {failed.Cause.Message}");
        foreach (var child in Context.GetChildren()) child.Tell(unavailable);
        Timers.StartSingleTimer(RetryRead.Instance, RetryRead.Instance, delay);
    }

    private OwnedSlots SlotsOf(string owner) => _all.GetValueOrDefault(owner) ?? OwnedSlots.Empty;

    /// <summary>The owner's running read model, started if there is none (a stopping one is not reused).</summary>
    private IActorRef Running(string owner)
    {
        if (_running.TryGetValue(owner, out var child)) return child;
        // Named by a hash of the owner and the incarnation, so any subject makes a valid, short and unused actor name.
        child = Context.ActorOf(OwnerBookings.Props(owner, _settings, _loaded ? SlotsOf(owner) : null), $"{OwnerNames.For(owner)}-{++_incarnations}");
        Context.WatchWith(child, new OwnerStopped(owner, child));
        _running[owner] = child;
        return child;
    }

    /// <summary>
    /// The read model <paramref name="child"/> has been idle with no connection: it is stopped, unless a connection
    /// watches the owner here or it is no longer the running incarnation (its report is old). It leaves the map now, and
    /// its stop message goes after everything sent to it so far: it answers those (or hands them back) before it stops.
    /// </summary>
    private void StopIfIdle(string owner, IActorRef child)
    {
        if (!_running.TryGetValue(owner, out var running) || !running.Equals(child) || _watchers.ContainsKey(owner)) return;
        _running.Remove(owner);
        child.Tell(StopOwnerBookings.Instance);
    }

    private sealed record OwnerStopped(string Owner, IActorRef Child);

    private sealed record ProjectionRead(Dictionary<string, OwnedSlots> Owners, long Offset);

    private sealed record ProjectionFailed(Exception Cause);

    private sealed record RetryRead
    {
        public static RetryRead Instance { get; } = new();
    }

    private sealed record CatchUp
    {
        public static CatchUp Instance { get; } = new();
    }
}

/// <summary>
/// The owner's slots as the index knows them now: once it has read the journal (for a child started before that), and
/// after every change. The index is their one keeper; a child only shows them.
/// </summary>
public sealed record OwnerSlots(OwnedSlots Slots);

/// <summary>The index could not read the journal (it retries): reads waiting now are answered as unavailable.</summary>
public sealed record OwnerUnavailable(string Problem);
