namespace SlotBooking.Client.Stats;

/// <summary>
/// Latencies in microseconds, in log-linear buckets: exact below 128 µs, then 64 buckets per power of two,
/// so any reported value is within 1/64 (1.6%) of a recorded one. Fixed memory however many samples, and
/// safe to record into from many tasks at once (one interlocked add per sample).
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;       // 64 per octave
    private const int ExactLimit = SubBuckets * 2;           // values below are their own bucket
    private const int ExactLimitBits = SubBucketBits + 1;    // log2(ExactLimit)
    private const int MaxBits = 40;                          // 2^40 µs is 12 days; larger values are clamped
    private const int BucketCount = ExactLimit + (MaxBits - ExactLimitBits) * SubBuckets;

    private readonly long[] _counts = new long[BucketCount];
    private long _total;
    private long _sum;
    private long _max;
    private long _min = long.MaxValue;

    public long Count => Interlocked.Read(ref _total);

    public long Max => Count == 0 ? 0 : Interlocked.Read(ref _max);

    public long Min => Count == 0 ? 0 : Interlocked.Read(ref _min);

    public double Mean => Count == 0 ? 0 : (double)Interlocked.Read(ref _sum) / Count;

    public void Record(TimeSpan latency) => RecordMicroseconds(latency.Ticks / TimeSpan.TicksPerMicrosecond);

    public void RecordMicroseconds(long microseconds)
    {
        var value = Math.Clamp(microseconds, 0, (1L << MaxBits) - 1);
        Interlocked.Increment(ref _counts[IndexOf(value)]);
        Interlocked.Increment(ref _total);
        Interlocked.Add(ref _sum, value);
        UpdateMax(value);
        UpdateMin(value);
    }

    /// <summary>Adds another histogram's samples to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        if (other.Count == 0) return;
        for (var i = 0; i < BucketCount; i++)
        {
            var count = Interlocked.Read(ref other._counts[i]);
            if (count != 0) Interlocked.Add(ref _counts[i], count);
        }
        Interlocked.Add(ref _total, other.Count);
        Interlocked.Add(ref _sum, Interlocked.Read(ref other._sum));
        UpdateMax(other.Max);
        UpdateMin(other.Min);
    }

    /// <summary>
    /// The nearest-rank percentile (the smallest recorded value that at least <paramref name="percent"/>% of
    /// samples do not exceed), as the upper edge of its bucket but never above the largest recorded value.
    /// 0 when nothing was recorded.
    /// </summary>
    public long PercentileMicroseconds(double percent)
    {
        if (percent is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percent), percent, "must be within 0-100");
        var total = Count;
        if (total == 0) return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100.0 * total));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank) return Math.Min(HighestValueIn(i), Max);
        }
        return Max;
    }

    public LatencySummary Summarize() => new(
        Count,
        Milliseconds(PercentileMicroseconds(50)),
        Milliseconds(PercentileMicroseconds(99)),
        Milliseconds(PercentileMicroseconds(99.9)),
        Milliseconds(Max),
        Math.Round(Mean / 1000.0, 3));

    private static double Milliseconds(long microseconds) => Math.Round(microseconds / 1000.0, 3);

    private static int IndexOf(long value)
    {
        if (value < ExactLimit) return (int)value;
        var octave = 63 - (int)long.LeadingZeroCount(value);   // >= ExactLimitBits
        var shift = octave - SubBucketBits;
        var sub = (int)(value >> shift) - SubBuckets;            // 0..63
        return ExactLimit + (octave - ExactLimitBits) * SubBuckets + sub;
    }

    private static long HighestValueIn(int index)
    {
        if (index < ExactLimit) return index;
        var octave = (index - ExactLimit) / SubBuckets + ExactLimitBits;
        var sub = (index - ExactLimit) % SubBuckets;
        var shift = octave - SubBucketBits;
        return ((long)(SubBuckets + sub + 1) << shift) - 1;
    }

    private void UpdateMax(long value)
    {
        var current = Interlocked.Read(ref _max);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    private void UpdateMin(long value)
    {
        var current = Interlocked.Read(ref _min);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref _min, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
