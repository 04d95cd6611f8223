using SlotBooking.Client.Stats;

namespace SlotBooking.Client.Tests.Stats;

/// <summary>Our wrapper's promises: zeros when empty, nearest rank, 0.1% precision, clamping, and reads while writing.</summary>
public sealed class LatencyHistogramTests
{
    [Fact]
    public void An_empty_histogram_reports_zeros()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.PercentileMicroseconds(50));
        Assert.Equal(0, histogram.PercentileMicroseconds(99.9));
        Assert.Equal(LatencySummary.Empty, histogram.Summarize());
    }

    [Theory]
    [InlineData(50, 50)]
    [InlineData(99, 99)]
    [InlineData(99.9, 100)]
    [InlineData(100, 100)]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(50.5, 51)]
    public void Percentiles_are_nearest_rank_and_exact_for_small_values(double percent, long expected)
    {
        var histogram = new LatencyHistogram();
        foreach (var value in Enumerable.Range(1, 100).Reverse()) histogram.RecordMicroseconds(value);

        Assert.Equal(expected, histogram.PercentileMicroseconds(percent));
    }

    [Theory]
    [InlineData(4_321)]
    [InlineData(987_654)]
    public void A_single_sample_is_every_percentile_and_the_max(long value)
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicroseconds(value);

        var max = histogram.Max;
        AssertWithinPrecision(value, max);
        Assert.Equal(max, histogram.PercentileMicroseconds(0));
        Assert.Equal(max, histogram.PercentileMicroseconds(50));
        Assert.Equal(max, histogram.PercentileMicroseconds(100));
    }

    [Theory]
    [InlineData(2_048)]
    [InlineData(12_345)]
    [InlineData(987_654)]
    [InlineData(3_600_000_000)]
    public void Large_values_are_reported_within_one_thousandth(long value)
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicroseconds(value);
        histogram.RecordMicroseconds(value * 2); // so the median is not just the max

        AssertWithinPrecision(value, histogram.PercentileMicroseconds(50));
        AssertWithinPrecision(value * 2, histogram.Max);
    }

    [Fact]
    public void The_tail_is_the_slow_samples()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 990; i++) histogram.RecordMicroseconds(1_000);  // 1 ms
        for (var i = 0; i < 10; i++) histogram.RecordMicroseconds(50_000);  // 50 ms

        Assert.Equal(1_000, histogram.PercentileMicroseconds(50));
        Assert.Equal(1_000, histogram.PercentileMicroseconds(99));
        AssertWithinPrecision(50_000, histogram.PercentileMicroseconds(99.1));
        AssertWithinPrecision(50_000, histogram.PercentileMicroseconds(99.9));
    }

    [Fact]
    public void Summary_is_in_milliseconds()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMilliseconds(2.5));
        histogram.Record(TimeSpan.FromMilliseconds(1.5));

        var summary = histogram.Summarize();

        Assert.Equal(2, summary.Count);
        Assert.Equal(1.5, summary.P50);
        Assert.InRange(summary.P99, 2.5, 2.5 * 1.001);
        Assert.InRange(summary.Max, 2.5, 2.5 * 1.001);
        Assert.InRange(summary.Mean, 2.0, 2.0 * 1.001);
    }

    [Fact]
    public void Values_outside_the_range_are_clamped_not_refused()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicroseconds(-5);
        histogram.RecordMicroseconds(long.MaxValue);

        Assert.Equal(2, histogram.Count);
        Assert.Equal(0, histogram.PercentileMicroseconds(50));
        AssertWithinPrecision((long)TimeSpan.FromDays(1).TotalMicroseconds, histogram.Max);
    }

    [Fact]
    public async Task Recording_from_many_tasks_while_another_reads_loses_nothing()
    {
        var histogram = new LatencyHistogram();
        using var stopReading = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stopReading.IsCancellationRequested) histogram.PercentileMicroseconds(99);
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 1; i <= 10_000; i++) histogram.RecordMicroseconds(i % 200);
        })));
        stopReading.Cancel();
        await reader;

        Assert.Equal(80_000, histogram.Count);
        Assert.Equal(199, histogram.Max);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.1)]
    public void Percentiles_outside_0_to_100_are_refused(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram().PercentileMicroseconds(percent));

    private static void AssertWithinPrecision(long expected, long reported) =>
        Assert.InRange(reported, expected - expected / 1000, expected + expected / 1000);
}
