using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace SlotBooking.Host.Wiring;

/// <summary>
/// Akka's scheduler on the runtime's timer queue: each scheduled message or action is one <see cref="Timer"/>, so a
/// server with nothing scheduled wakes for nothing. Akka's default (the hashed wheel) wakes every tick-duration (10 ms)
/// whether or not anything is due, and each wake-up rouses a thread-pool worker that then spins before it sleeps: most
/// of an idle server's CPU. Selected by <c>akka.scheduler.implementation</c> in hocon/akka.conf.
/// </summary>
public sealed class TimerQueueScheduler : SchedulerBase, IDateTimeOffsetNowTimeProvider, IDisposable
{
    // The timers not yet fired or cancelled, disposed when the actor system stops so that none fires into it.
    private readonly ConcurrentDictionary<Timer, byte> _pending = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private volatile bool _stopped;

    /// <summary>The constructor Akka calls for the configured implementation.</summary>
    public TimerQueueScheduler(Config scheduler, ILoggingAdapter log) : base(scheduler, log) { }

    protected override DateTimeOffset TimeNow => DateTimeOffset.UtcNow;

    // Time since this scheduler started, never set back.
    public override TimeSpan MonotonicClock => Stopwatch.GetElapsedTime(_started);

    public override TimeSpan HighResMonotonicClock => Stopwatch.GetElapsedTime(_started);

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Schedule(delay, null, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Schedule(initialDelay, interval, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Schedule(delay, null, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Schedule(delay, null, action.Run, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Schedule(initialDelay, interval, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Schedule(initialDelay, interval, action.Run, cancelable);

    private void Schedule(TimeSpan delay, TimeSpan? interval, Action action, ICancelable? cancelable)
    {
        if (_stopped) throw new SchedulerException("cannot schedule after the scheduler stopped");
        if (cancelable is { IsCancellationRequested: true }) return;

        var entry = new Entry(this, action, cancelable, repeats: interval is not null);
        // Created unstarted so that a fire can never see the entry before it knows its own timer.
        var timer = new Timer(static state => ((Entry)state!).Fire(), entry, Timeout.Infinite, Timeout.Infinite);
        entry.Timer = timer;
        _pending[timer] = 0;
        if (cancelable is not null) entry.Registration = cancelable.Token.Register(static state => ((Entry)state!).Stop(), entry);
        timer.Change(delay, interval ?? Timeout.InfiniteTimeSpan);
        if (_stopped) entry.Stop();
    }

    public void Dispose()
    {
        _stopped = true;
        foreach (var timer in _pending.Keys) timer.Dispose();
        _pending.Clear();
    }

    private sealed class Entry(TimerQueueScheduler owner, Action action, ICancelable? cancelable, bool repeats)
    {
        public Timer? Timer;
        public CancellationTokenRegistration Registration;

        public void Fire()
        {
            if (owner._stopped || cancelable is { IsCancellationRequested: true })
            {
                Stop();
                return;
            }
            if (!repeats) Stop();
            try
            {
                action();
            }
            catch (Exception e)
            {
                owner.Log.Error(e, "A scheduled action failed");
            }
        }

        public void Stop()
        {
            if (Timer is not { } timer) return;
            owner._pending.TryRemove(timer, out _);
            timer.Dispose();
            Registration.Unregister();
        }
    }
}
