using System.Collections.Concurrent;

namespace SlotBooking.Client.Stats;

/// <summary>
/// How many errors a run had, with the first few described, added to from many tasks at once: a run with a
/// million errors keeps a handful of strings, not a million.
/// </summary>
public sealed class ErrorSamples
{
    public const int Kept = 5;

    private readonly ConcurrentQueue<string> _first = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public IReadOnlyList<string> First => _first.Take(Kept).ToArray();

    public void Add(string description)
    {
        Interlocked.Increment(ref _count);
        if (_first.Count < Kept) _first.Enqueue(description);
    }
}
