using Microsoft.Extensions.Time.Testing;
using SlotBooking.Host.Limits;

namespace SlotBooking.Tests.Limits;

/// <summary>A bucket refilled from the time elapsed when it is used: burst, rate, cap and when the next token is due.</summary>
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _clock = new();

    private TokenBucket Bucket(int burst, double perSecond) => new TokenBucketRate(burst, perSecond, _clock).NewBucket();

    private static int TakeAll(TokenBucket bucket)
    {
        var taken = 0;
        while (bucket.TryTake(out _)) taken++;
        return taken;
    }

    [Fact]
    public void A_new_bucket_gives_its_burst_at_once_then_refuses()
    {
        var bucket = Bucket(burst: 5, perSecond: 1);

        Assert.Equal(5, TakeAll(bucket));
        Assert.False(bucket.TryTake(out _));
    }

    [Fact]
    public void Tokens_come_back_at_the_rate_from_the_time_elapsed()
    {
        var bucket = Bucket(burst: 100, perSecond: 10);
        TakeAll(bucket);

        _clock.Advance(TimeSpan.FromMilliseconds(350));
        Assert.Equal(3, TakeAll(bucket));
        // The half token left over from 350 ms is kept: 50 ms more make it whole.
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, TakeAll(bucket));
    }

    [Fact]
    public void A_bucket_left_alone_refills_only_up_to_its_burst()
    {
        var bucket = Bucket(burst: 4, perSecond: 10);
        TakeAll(bucket);

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(4, TakeAll(bucket));
    }

    [Fact]
    public void A_refusal_says_when_the_next_token_is_due()
    {
        // 3 a minute: one every 20 s.
        var bucket = Bucket(burst: 3, perSecond: 3 / 60.0);
        TakeAll(bucket);

        Assert.False(bucket.TryTake(out var retryAfter));
        Assert.Equal(20, retryAfter.TotalSeconds, precision: 6);

        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.False(bucket.TryTake(out retryAfter));
        Assert.Equal(5, retryAfter.TotalSeconds, precision: 6);

        _clock.Advance(retryAfter);
        Assert.True(bucket.TryTake(out _));
    }

    [Fact]
    public void A_bucket_is_idle_once_it_is_full_again()
    {
        var bucket = Bucket(burst: 2, perSecond: 1);
        var start = _clock.GetTimestamp();
        Assert.True(bucket.IsIdle(start));
        Assert.True(bucket.TryTake(start, out _));

        Assert.False(bucket.IsIdle(start));
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(bucket.IsIdle(_clock.GetTimestamp()));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.IsIdle(_clock.GetTimestamp()));
    }

    [Fact]
    public void A_timestamp_older_than_the_last_use_refills_nothing()
    {
        var bucket = Bucket(burst: 1, perSecond: 1);
        var before = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(bucket.TryTake(out _));

        // A caller that read the clock earlier and comes second must not be paid for time that already counted.
        Assert.False(bucket.TryTake(before, out _));
    }
}
