using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Limits;

namespace SlotBooking.Tests.Limits;

/// <summary>
/// Failures counted in a window of six segments, slid when read: a failure counts until its segment slides out,
/// between five and six sixths of the window after it, as System.Threading.RateLimiting's sliding window did.
/// </summary>
public sealed class FailureWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _clock = new();

    private long Now => _clock.GetTimestamp();

    [Fact]
    public void It_counts_up_to_the_limit_and_no_further()
    {
        var window = new FailureWindow(3, Window, _clock);

        Assert.True(window.TryRecord(Now));
        Assert.True(window.TryRecord(Now));
        Assert.False(window.IsSpent(Now));
        Assert.True(window.TryRecord(Now));

        Assert.True(window.IsSpent(Now));
        Assert.False(window.TryRecord(Now));
        Assert.Equal(3, window.CountAt(Now));
    }

    [Fact]
    public void A_failure_counts_for_the_whole_window_but_its_last_segment_at_least()
    {
        var window = new FailureWindow(1, Window, _clock);
        Assert.True(window.TryRecord(Now));

        _clock.Advance(Window * 5 / 6 - TimeSpan.FromTicks(1));
        Assert.True(window.IsSpent(Now));
        _clock.Advance(Window / 6 + TimeSpan.FromTicks(1));
        Assert.False(window.IsSpent(Now));
    }

    [Fact]
    public void Failures_slide_out_one_segment_at_a_time()
    {
        var window = new FailureWindow(10, Window, _clock);
        window.TryRecord(Now);
        _clock.Advance(Window / 6);
        window.TryRecord(Now);
        window.TryRecord(Now);
        Assert.Equal(3, window.CountAt(Now));

        // The first failure's segment slides out a whole window after that segment began.
        _clock.Advance(Window * 5 / 6);
        Assert.Equal(2, window.CountAt(Now));
        _clock.Advance(Window / 6);
        Assert.Equal(0, window.CountAt(Now));
        Assert.True(window.IsIdle(Now));
    }

    [Fact]
    public void A_window_left_alone_for_long_is_empty()
    {
        var window = new FailureWindow(2, Window, _clock);
        window.TryRecord(Now);
        window.TryRecord(Now);

        _clock.Advance(TimeSpan.FromDays(3));

        Assert.True(window.IsIdle(Now));
        Assert.True(window.TryRecord(Now));
    }
}
