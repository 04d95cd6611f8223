using SlotBooking.Client.Stats;

namespace SlotBooking.Client.Tests.Stats;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void An_empty_histogram_reports_zeros()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.Count);
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

    [Fact]
    public void A_single_sample_is_every_percentile()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicroseconds(4_321);

        Assert.Equal(4_321, histogram.PercentileMicroseconds(0));
        Assert.Equal(4_321, histogram.PercentileMicroseconds(50));
        Assert.Equal(4_321, histogram.PercentileMicroseconds(100));
        Assert.Equal(4_321, histogram.Max);
        Assert.Equal(4_321, histogram.Min);
    }

    [Theory]
    [InlineData(128)]
    [InlineData(1_000)]
    [InlineData(12_345)]
    [InlineData(987_654)]
    [InlineData(3_600_000_000)]
    public void Large_values_are_reported_within_one_sixty_fourth(long value)
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicroseconds(value);
        histogram.RecordMicroseconds(value * 2); // so the percentile is not just clamped to the max

        var reported = histogram.PercentileMicroseconds(50);

        Assert.InRange(reported, value, value + value / 64);
    }

    [Fact]
    public void The_tail_is_the_slow_samples()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 990; i++) histogram.RecordMicroseconds(1_000);  // 1 ms
        for (var i = 0; i < 10; i++) histogram.RecordMicroseconds(50_000);  // 50 ms

        Assert.InRange(histogram.PercentileMicroseconds(50), 1_000, 1_016);
        Assert.InRange(histogram.PercentileMicroseconds(99), 1_000, 1_016);
        Assert.Equal(50_000, histogram.PercentileMicroseconds(99.1));
        Assert.Equal(50_000, histogram.PercentileMicroseconds(99.9));
        Assert.Equal(1_490, histogram.Mean);
    }

    [Fact]
    public void Summary_is_in_milliseconds()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMilliseconds(2.5));

        var summary = histogram.Summarize();

        Assert.Equal(1, summary.Count);
        Assert.InRange(summary.P50, 2.5, 2.5 * (1 + 1 / 64.0));
        Assert.Equal(2.5, summary.Max);
        Assert.Equal(2.5, summary.Mean);
    }

    [Fact]
    public void Adding_histograms_merges_their_samples()
    {
        var fast = new LatencyHistogram();
        var slow = new LatencyHistogram();
        for (var i = 1; i <= 50; i++) fast.RecordMicroseconds(i);
        for (var i = 51; i <= 100; i++) slow.RecordMicroseconds(i);

        fast.Add(slow);

        Assert.Equal(100, fast.Count);
        Assert.Equal(50, fast.PercentileMicroseconds(50));
        Assert.Equal(100, fast.Max);
        Assert.Equal(1, fast.Min);
    }

    [Fact]
    public async Task Recording_from_many_tasks_loses_nothing()
    {
        var histogram = new LatencyHistogram();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 1; i <= 10_000; i++) histogram.RecordMicroseconds(i % 200);
        })));

        Assert.Equal(80_000, histogram.Count);
        Assert.Equal(199, histogram.Max);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.1)]
    public void Percentiles_outside_0_to_100_are_refused(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram().PercentileMicroseconds(percent));
}
