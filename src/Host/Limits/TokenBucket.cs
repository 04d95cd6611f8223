namespace SlotBooking.Host.Limits;

/// <summary>
/// A token bucket that is refilled when it is used, from the time elapsed since its last use, never by a timer: a
/// bucket nobody uses costs nothing. Not thread-safe: one owner (a connection's frame pump), or a lock
/// (<see cref="KeyedLimits{TState}"/>).
/// </summary>
public sealed class TokenBucket(TokenBucketRate rate) : IForgettableLimit
{
    // A new bucket is full; _at = 0 means "long ago", which the cap at the burst turns into full.
    private double _tokens = rate.Burst;
    private long _at;

    /// <summary>Takes one token now; when none is left, false and how long until one is.</summary>
    public bool TryTake(out TimeSpan retryAfter) => TryTake(rate.Clock.GetTimestamp(), out retryAfter);

    /// <summary>Takes one token at <paramref name="now"/> (a timestamp of the rate's clock).</summary>
    public bool TryTake(long now, out TimeSpan retryAfter)
    {
        Refill(now);
        if (_tokens >= 1)
        {
            _tokens -= 1;
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = TimeSpan.FromSeconds((1 - _tokens) / rate.TokensPerSecond);
        return false;
    }

    /// <summary>Full at <paramref name="now"/>: the same as a new bucket, so it can be forgotten.</summary>
    public bool IsIdle(long now)
    {
        Refill(now);
        return _tokens >= rate.Burst;
    }

    private void Refill(long now)
    {
        // A caller that read the clock just before another may come second; time never runs backwards here.
        if (now <= _at) return;
        _tokens = Math.Min(rate.Burst, _tokens + (now - _at) * rate.TokensPerTimestamp);
        _at = now;
    }
}
