using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.WebSockets;

/// <summary>
/// One token bucket per connection, all in one partitioned limiter: it replenishes every bucket from a single
/// timer and forgets idle (full) buckets, so idle connections cost no timer of their own.
/// </summary>
public sealed class FrameRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FrameRateLimiter(IOptions<SlotBookingOptions> options)
    {
        var o = options.Value;
        Describe = $"rate limit exceeded: at most {o.MessagesPerSecond} messages per second (bursts of {o.MessageBurst}); this message was not processed";
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.MessageBurst,
            TokensPerPeriod = Math.Max(1, o.MessagesPerSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(connection => RateLimitPartition.GetTokenBucketLimiter(connection, _ => bucket));
    }

    /// <summary>The error text a limited client receives.</summary>
    public string Describe { get; }

    /// <summary>Takes one token for a frame of this connection; false when its bucket is empty.</summary>
    public bool TryAcquire(string connectionId)
    {
        using var lease = _limiter.AttemptAcquire(connectionId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
