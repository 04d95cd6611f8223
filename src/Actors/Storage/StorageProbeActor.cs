using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using Akka.Persistence;

namespace SlotBooking.Actors.Storage;

/// <summary>
/// Writes a tiny event through the journal at intervals and reports whether it was stored, so that health
/// reflects storage even when nobody books, and recovery is noticed without waiting for a user. A failed write
/// stops it (as any persistent actor); it runs under a back-off supervisor that starts it again.
/// </summary>
public sealed class StorageProbeActor : ReceivePersistentActor, IWithTimers
{
    public const string Id = "storage-probe";

    private readonly IActorRef _reportTo;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public StorageProbeActor(IActorRef reportTo, TimeSpan interval, TimeProvider clock)
    {
        _reportTo = reportTo;
        _interval = interval;
        _clock = clock;

        Recover<StorageProbed>(_ => { });
        Recover<RecoveryCompleted>(_ => Self.Tell(Probe.Instance));
        Command<Probe>(_ => Persist(new StorageProbed(_clock.GetUtcNow()), _ =>
        {
            _reportTo.Tell(StorageAvailable.Instance);
            // Keep only the newest probe event.
            if (LastSequenceNr > 1) DeleteMessages(LastSequenceNr - 1);
            Timers.StartSingleTimer(Probe.Instance, Probe.Instance, _interval);
        }));
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(f => _log.Warning(f.Cause, "Could not delete old storage probe events"));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public override string PersistenceId => Id;

    /// <summary>The probe under a back-off supervisor: restarted 0.2 s to 5 s after each failure, without limit.</summary>
    public static Props SupervisedProps(IActorRef reportTo, TimeSpan interval, TimeProvider clock) =>
        BackoffSupervisor.Props(Backoff.OnStop(
            Props.Create(() => new StorageProbeActor(reportTo, interval, clock)),
            childName: "probe",
            minBackoff: TimeSpan.FromMilliseconds(200),
            maxBackoff: TimeSpan.FromSeconds(5),
            randomFactor: 0.2,
            maxNrOfRetries: -1));

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _reportTo.Tell(new StorageFailed(StorageProblem.Describe(cause)));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _reportTo.Tell(new StorageFailed(StorageProblem.Describe(reason)));
        base.OnRecoveryFailure(reason, message);
    }

    private sealed record Probe
    {
        public static Probe Instance { get; } = new();
    }
}
