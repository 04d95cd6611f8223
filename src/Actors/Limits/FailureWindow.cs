namespace SlotBooking.Actors.Limits;

/// <summary>
/// Counts events (failed sign-ins) in a sliding window of <see cref="Segments"/> segments, as
/// System.Threading.RateLimiting's sliding window limiter does: an event counts from when it happens until its segment
/// slides out, between five and six sixths of the window later; at most <c>limit</c> are counted. The window slides
/// when it is used, from the time elapsed, never on a timer. Not thread-safe: one owner (a sign-in limit entity, see
/// <see cref="SignInFailureCounts"/>).
/// </summary>
public sealed class FailureWindow(int limit, TimeSpan window, TimeProvider clock)
{
    public const int Segments = 6;

    private readonly long _segmentLength = Math.Max(1, (long)(window.TotalSeconds * clock.TimestampFrequency / Segments));
    private readonly int[] _perSegment = new int[Segments];
    private int _current;
    private long _currentStart = clock.GetTimestamp();
    private int _count;

    /// <summary>Events counted at <paramref name="now"/>.</summary>
    public int CountAt(long now)
    {
        Slide(now);
        return _count;
    }

    /// <summary>True when <c>limit</c> events are counted at <paramref name="now"/>.</summary>
    public bool IsSpent(long now) => CountAt(now) >= limit;

    /// <summary>Counts one event at <paramref name="now"/>; false (and nothing counted) when the window is spent.</summary>
    public bool TryRecord(long now)
    {
        if (IsSpent(now)) return false;
        _perSegment[_current]++;
        _count++;
        return true;
    }

    /// <summary>Nothing counted at <paramref name="now"/>: the same as a new window, so it can be forgotten.</summary>
    public bool IsIdle(long now) => CountAt(now) == 0;

    private void Slide(long now)
    {
        var steps = (now - _currentStart) / _segmentLength;
        if (steps <= 0) return;
        _currentStart += steps * _segmentLength;
        if (steps >= Segments)
        {
            Array.Clear(_perSegment);
            _count = 0;
            return;
        }
        for (var i = 0; i < steps; i++)
        {
            // The segment entered is the oldest one: its events slide out of the window.
            _current = (_current + 1) % Segments;
            _count -= _perSegment[_current];
            _perSegment[_current] = 0;
        }
    }
}
