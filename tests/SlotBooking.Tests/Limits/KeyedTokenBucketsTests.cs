using Microsoft.Extensions.Time.Testing;
using SlotBooking.Host.Limits;

namespace SlotBooking.Tests.Limits;

/// <summary>A bucket per key: keys are independent, idle keys are forgotten without a timer, and threads never share out more than the budget.</summary>
public sealed class KeyedTokenBucketsTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Each_key_has_its_own_bucket()
    {
        var buckets = new KeyedTokenBuckets(new TokenBucketRate(2, 1, _clock));

        Assert.True(buckets.TryAcquire("203.0.113.1", out _));
        Assert.True(buckets.TryAcquire("203.0.113.1", out _));
        Assert.False(buckets.TryAcquire("203.0.113.1", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);

        Assert.True(buckets.TryAcquire("203.0.113.2", out _));
    }

    [Fact]
    public void Idle_keys_are_forgotten_so_the_map_stays_bounded_by_the_busy_ones()
    {
        // One token a second: a key is full again, so idle, a second after its request.
        var buckets = new KeyedTokenBuckets(new TokenBucketRate(1, 1, _clock));
        var largest = 0;

        // 100 000 clients, one request each, a millisecond apart: about a thousand are busy at any time.
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(buckets.TryAcquire($"client-{i}", out _));
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            largest = Math.Max(largest, buckets.Count);
        }

        Assert.InRange(largest, 1_000, 2 * 1_000 + 2 * KeyedLimits<TokenBucket>.MinSweepInterval);
    }

    [Fact]
    public void A_forgotten_key_starts_again_with_a_full_bucket_as_if_it_had_been_kept()
    {
        var buckets = new KeyedTokenBuckets(new TokenBucketRate(3, 1, _clock));
        for (var i = 0; i < 3; i++) Assert.True(buckets.TryAcquire("returning", out _));
        _clock.Advance(TimeSpan.FromSeconds(3));
        // Enough other keys to sweep "returning" out.
        for (var i = 0; i < 2 * KeyedLimits<TokenBucket>.MinSweepInterval; i++) buckets.TryAcquire($"other-{i}", out _);

        for (var i = 0; i < 3; i++) Assert.True(buckets.TryAcquire("returning", out _));
        Assert.False(buckets.TryAcquire("returning", out _));
    }

    [Fact]
    public void A_key_that_is_not_full_is_never_forgotten()
    {
        var buckets = new KeyedTokenBuckets(new TokenBucketRate(2, 0.001, _clock));
        Assert.True(buckets.TryAcquire("spent", out _));
        Assert.True(buckets.TryAcquire("spent", out _));

        for (var i = 0; i < 4 * KeyedLimits<TokenBucket>.MinSweepInterval; i++) buckets.TryAcquire($"other-{i}", out _);

        Assert.False(buckets.TryAcquire("spent", out _));
    }

    [Fact]
    public async Task Threads_racing_for_one_key_never_get_more_than_its_budget()
    {
        const int burst = 500;
        var buckets = new KeyedTokenBuckets(new TokenBucketRate(burst, 1, _clock));
        var granted = 0;
        using var start = new Barrier(8);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 1_000; i++)
            {
                if (buckets.TryAcquire("shared", out _)) Interlocked.Increment(ref granted);
                // Other keys too, so that sweeps run (and forget idle keys) while "shared" is in use.
                buckets.TryAcquire($"t{t}-{i}", out _);
            }
        })));

        Assert.Equal(burst, granted);
    }

    [Fact]
    public async Task Threads_racing_while_time_passes_get_the_burst_plus_what_the_rate_refilled()
    {
        const int burst = 100;
        var buckets = new KeyedTokenBuckets(new TokenBucketRate(burst, 10, _clock));
        var granted = 0;
        using var start = new Barrier(5);

        var acquirers = Enumerable.Range(0, 4).Select(n => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 5_000; i++)
                if (buckets.TryAcquire("shared", out _)) Interlocked.Increment(ref granted);
        })).ToList();
        var clock = Task.Run(() =>
        {
            start.SignalAndWait();
            // Ten seconds in steps of 10 ms: at most 100 more tokens.
            for (var i = 0; i < 1_000; i++) _clock.Advance(TimeSpan.FromMilliseconds(10));
        });
        await Task.WhenAll([.. acquirers, clock]);

        Assert.InRange(granted, burst, burst + 100);
    }
}
