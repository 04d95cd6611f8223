namespace SlotBooking.Host.Limits;

/// <summary>
/// The shape of a token bucket: at most <see cref="Burst"/> tokens, refilled continuously at <see cref="TokensPerSecond"/>,
/// on <see cref="Clock"/>'s timestamps. Shared by every bucket of one limit.
/// </summary>
public sealed class TokenBucketRate
{
    public TokenBucketRate(int burst, double tokensPerSecond, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokensPerSecond);
        Burst = burst;
        TokensPerSecond = tokensPerSecond;
        Clock = clock;
        TokensPerTimestamp = tokensPerSecond / clock.TimestampFrequency;
    }

    public int Burst { get; }

    public double TokensPerSecond { get; }

    public TimeProvider Clock { get; }

    /// <summary>The refill per tick of <see cref="TimeProvider.GetTimestamp"/>, so a refill is one multiplication.</summary>
    internal double TokensPerTimestamp { get; }

    /// <summary><paramref name="tokens"/> every <paramref name="period"/>, as a continuous rate.</summary>
    public static TokenBucketRate PerPeriod(int burst, double tokens, TimeSpan period, TimeProvider clock) =>
        new(burst, tokens / period.TotalSeconds, clock);

    public TokenBucket NewBucket() => new(this);
}
