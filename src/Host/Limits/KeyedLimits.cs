using System.Collections.Concurrent;

namespace SlotBooking.Host.Limits;

/// <summary>
/// One limit state per key (a client address; for this node's own limits), created on first use and forgotten once
/// idle, with no timer: now and then an acquisition sweeps out the idle states, after as many acquisitions as there were
/// states left by the last sweep (at least <see cref="MinSweepInterval"/>), so the map stays within about twice its busy keys
/// plus that interval, and a sweep costs each acquisition a constant share. Each state is used under its own lock.
/// </summary>
public sealed class KeyedLimits<TState>(Func<TState> create, TimeProvider clock) where TState : class, IForgettableLimit
{
    public const int MinSweepInterval = 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private int _sinceSweep;
    private int _sweepAfter = MinSweepInterval;
    private int _sweeping;

    /// <summary>Keys held now: busy ones, and idle ones the next sweep forgets.</summary>
    public int Count => _entries.Count;

    /// <summary>Applies <paramref name="use"/> to the key's state (a new one if the key has none) under its lock.</summary>
    public TResult Apply<TResult>(string key, Func<TState, long, TResult> use)
    {
        SweepNowAndThen();
        while (true)
        {
            var entry = _entries.GetOrAdd(key, static (_, create) => new Entry(create()), create);
            lock (entry)
            {
                // Swept out between the lookup and the lock: use the key's new entry instead.
                if (entry.Forgotten) continue;
                return use(entry.State, clock.GetTimestamp());
            }
        }
    }

    /// <summary>Applies <paramref name="use"/> to the key's state if it has one; <paramref name="absent"/> if not. Creates nothing.</summary>
    public TResult Read<TResult>(string key, Func<TState, long, TResult> use, TResult absent)
    {
        if (!_entries.TryGetValue(key, out var entry)) return absent;
        lock (entry)
        {
            // A forgotten state was idle: the same as none.
            return entry.Forgotten ? absent : use(entry.State, clock.GetTimestamp());
        }
    }

    private void SweepNowAndThen()
    {
        if (Interlocked.Increment(ref _sinceSweep) < Volatile.Read(ref _sweepAfter)) return;
        // One sweeper at a time; the others go on.
        if (Interlocked.Exchange(ref _sweeping, 1) == 1) return;
        try
        {
            foreach (var (key, entry) in _entries)
            {
                lock (entry)
                {
                    if (!entry.State.IsIdle(clock.GetTimestamp())) continue;
                    entry.Forgotten = true;
                    _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                }
            }
            Volatile.Write(ref _sweepAfter, Math.Max(MinSweepInterval, _entries.Count));
            Volatile.Write(ref _sinceSweep, 0);
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private sealed class Entry(TState state)
    {
        public TState State { get; } = state;

        /// <summary>Removed by a sweep; set under the entry's lock.</summary>
        public bool Forgotten { get; set; }
    }
}
