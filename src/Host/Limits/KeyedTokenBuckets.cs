namespace SlotBooking.Host.Limits;

/// <summary>
/// A token bucket per key (a client address), refilled lazily (<see cref="TokenBucket"/>) and forgotten once full
/// (<see cref="KeyedLimits{TState}"/>): no timer, no work between acquisitions, memory bounded by the busy keys.
/// Thread-safe.
/// </summary>
public sealed class KeyedTokenBuckets(TokenBucketRate rate)
{
    private readonly KeyedLimits<TokenBucket> _buckets = new(rate.NewBucket, rate.Clock);

    public TokenBucketRate Rate => rate;

    /// <summary>Keys held now (see <see cref="KeyedLimits{TState}.Count"/>).</summary>
    public int Count => _buckets.Count;

    /// <summary>Takes one token from the key's bucket; when it is empty, false and how long until a token is due.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        var (acquired, wait) = _buckets.Apply(key, static (bucket, now) =>
            bucket.TryTake(now, out var retryAfter) ? (true, TimeSpan.Zero) : (false, retryAfter));
        retryAfter = wait;
        return acquired;
    }
}
