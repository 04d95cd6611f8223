namespace SlotBooking.Client.Fanout;

/// <summary>
/// One change being watched for: the state every listener must see, and when the first and the last one
/// saw it. Listeners report from their own tasks; the last report completes <see cref="AllSeen"/>. Reports may arrive
/// in another order than their timestamps (a listener's task can be paused between reading the clock and reporting),
/// so the first is the earliest timestamp and the last the latest, not the first and last to report.
/// </summary>
public sealed class ChangeRound(int number, bool expectBooked, int listeners)
{
    private readonly TaskCompletionSource<long> _allSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _remaining = listeners;
    private long _firstSeenAt = long.MaxValue;
    private long _lastSeenAt = long.MinValue;

    public int Number { get; } = number;

    public bool ExpectBooked { get; } = expectBooked;

    public long Remaining => Interlocked.Read(ref _remaining);

    public long FirstSeenAt => Interlocked.Read(ref _firstSeenAt);

    /// <summary>Completes with the timestamp at which the last listener saw the change.</summary>
    public Task<long> AllSeen => _allSeen.Task;

    public void Seen(long timestamp)
    {
        Lower(ref _firstSeenAt, timestamp);
        Raise(ref _lastSeenAt, timestamp);
        if (Interlocked.Decrement(ref _remaining) == 0) _allSeen.TrySetResult(Interlocked.Read(ref _lastSeenAt));
    }

    private static void Lower(ref long field, long value)
    {
        for (var seen = Interlocked.Read(ref field); value < seen; seen = Interlocked.Read(ref field))
            if (Interlocked.CompareExchange(ref field, value, seen) == seen) return;
    }

    private static void Raise(ref long field, long value)
    {
        for (var seen = Interlocked.Read(ref field); value > seen; seen = Interlocked.Read(ref field))
            if (Interlocked.CompareExchange(ref field, value, seen) == seen) return;
    }
}

/// <summary>The round listeners compare against; the writer replaces it before it sends each change.</summary>
public sealed class CurrentRound
{
    private ChangeRound? _round;
    private volatile bool _stopped;

    public ChangeRound? Value => Volatile.Read(ref _round);

    /// <summary>Set once the run is over: connections closing from now on are expected, not lost.</summary>
    public bool Stopped => _stopped;

    public void Begin(ChangeRound round) => Volatile.Write(ref _round, round);

    public void Stop() => _stopped = true;
}
