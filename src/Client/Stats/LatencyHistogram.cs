using HdrHistogram;

namespace SlotBooking.Client.Stats;

/// <summary>
/// Latencies in microseconds, recorded from many tasks at once and read while they record (the once-a-second
/// progress line): HdrHistogram's <see cref="Recorder"/> takes the writes, and each read first moves what was
/// recorded since the last read into one total, under a lock. Three significant digits: a reported value is
/// within 0.1% of a recorded one, and exact below 2,048 µs.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SignificantDigits = 3;

    // Slower than a day is recorded as a day: nothing a client waits for comes near, and the range must be bounded.
    private static readonly long HighestMicroseconds = (long)TimeSpan.FromDays(1).TotalMicroseconds;

    private readonly Recorder _recorder = HistogramFactory.With64BitBucketSize()
        .WithValuesUpTo(HighestMicroseconds).WithPrecisionOf(SignificantDigits)
        .WithThreadSafeWrites().WithThreadSafeReads().Create();
    private readonly HistogramBase _total = HistogramFactory.With64BitBucketSize()
        .WithValuesUpTo(HighestMicroseconds).WithPrecisionOf(SignificantDigits).Create();
    private readonly Lock _gate = new();
    private HistogramBase? _interval;

    public long Count => Read(h => h.TotalCount);

    public long Max => Read(MaxOf);

    public void Record(TimeSpan latency) => RecordMicroseconds(latency.Ticks / TimeSpan.TicksPerMicrosecond);

    public void RecordMicroseconds(long microseconds) => _recorder.RecordValue(Math.Clamp(microseconds, 0, HighestMicroseconds));

    /// <summary>
    /// The nearest-rank percentile (the smallest recorded value that at least <paramref name="percent"/>% of samples
    /// do not exceed), never above the largest recorded value. 0 when nothing was recorded.
    /// </summary>
    public long PercentileMicroseconds(double percent)
    {
        if (percent is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percent), percent, "must be within 0-100");
        return Read(h => PercentileOf(h, percent));
    }

    public LatencySummary Summarize() => Read(h => h.TotalCount == 0
        ? LatencySummary.Empty
        : new LatencySummary(
            h.TotalCount,
            Milliseconds(PercentileOf(h, 50)),
            Milliseconds(PercentileOf(h, 99)),
            Milliseconds(PercentileOf(h, 99.9)),
            Milliseconds(MaxOf(h)),
            Math.Round(h.GetMean() / 1000.0, 3)));

    private T Read<T>(Func<HistogramBase, T> read)
    {
        lock (_gate)
        {
            _interval = _interval is null ? _recorder.GetIntervalHistogram() : _recorder.GetIntervalHistogram(_interval);
            _total.Add(_interval);
            return read(_total);
        }
    }

    private static long MaxOf(HistogramBase h) => h.TotalCount == 0 ? 0 : h.GetMaxValue();

    private static long PercentileOf(HistogramBase h, double percent) =>
        h.TotalCount == 0 ? 0 : Math.Min(h.GetValueAtPercentile(percent), h.GetMaxValue());

    private static double Milliseconds(long microseconds) => Math.Round(microseconds / 1000.0, 3);
}
