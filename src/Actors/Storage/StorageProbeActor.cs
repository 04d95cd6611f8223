using Akka.Actor;
using Akka.Persistence;

namespace SlotBooking.Actors.Storage;

/// <summary>
/// Saves a tiny snapshot (<see cref="StorageProbeSnapshot"/>) at one fixed key of the snapshot store at intervals and
/// reports whether it was stored (to the <see cref="StorageHealthActor"/>), so that health reflects storage even when
/// nobody books, and recovery is noticed without waiting for a user. One probe is one transaction and the table keeps one row for it: the SQL plugin saves a
/// snapshot with an INSERT OR REPLACE on (persistence_id, sequence_number), and the key never changes.
/// <para>
/// It writes nothing to the journal. It used to persist an event and delete the one before: two fsync'd transactions
/// per probe, and a gap in the journal's ordering each time, which the read journal's journal-sequence actor waits out.
/// </para>
/// <para>
/// A failed save is reported and the probe is tried again after a back-off (<see cref="FirstRetryDelay"/> doubling up to
/// <see cref="MaxRetryDelay"/>); the actor never stops for it, so there is no restart. Every save is answered: the
/// store's circuit breaker fails a call that takes longer than its call-timeout.
/// </para>
/// </summary>
public sealed class StorageProbeActor : ReceiveActor, IWithTimers
{
    /// <summary>The probe's snapshot key (and the persistence id of the events earlier versions journaled).</summary>
    public const string Id = "storage-probe";

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly IActorRef _reportTo;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private IActorRef? _store;
    private int _failures;

    public StorageProbeActor(IActorRef reportTo, TimeSpan interval, TimeProvider clock, IActorRef? store)
    {
        _reportTo = reportTo;
        _interval = interval;
        _clock = clock;
        _store = store;

        Receive<Probe>(_ => Save());
        Receive<SaveSnapshotSuccess>(_ =>
        {
            _failures = 0;
            Timers.StartSingleTimer(Probe.Instance, Probe.Instance, _interval);
            _reportTo.Tell(StorageAvailable.Instance);
        });
        Receive<SaveSnapshotFailure>(failed =>
        {
            _failures++;
            Timers.StartSingleTimer(Probe.Instance, Probe.Instance, RetryDelay(_failures));
            _reportTo.Tell(new StorageFailed(StorageProblem.Describe(failed.Cause)));
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="store">The snapshot store to write to; the system's default one when null (a spec may pass a probe).</param>
    public static Props Props(IActorRef reportTo, TimeSpan interval, TimeProvider clock, IActorRef? store = null) =>
        Akka.Actor.Props.Create(() => new StorageProbeActor(reportTo, interval, clock, store));

    /// <summary>The wait before the next try after <paramref name="failures"/> failed saves in a row.</summary>
    public static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(failures - 1, 20)));

    protected override void PreStart()
    {
        _store ??= Persistence.Instance.Apply(Context.System).SnapshotStoreFor(null);
        Self.Tell(Probe.Instance);
    }

    private void Save()
    {
        var at = _clock.GetUtcNow();
        // Sequence number 0 every time: the same key, so the same row.
        _store!.Tell(new SaveSnapshot(new SnapshotMetadata(Id, 0, at.UtcDateTime), new StorageProbeSnapshot(at)));
    }

    private sealed record Probe
    {
        public static Probe Instance { get; } = new();
    }
}
