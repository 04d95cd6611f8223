using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Limits;

namespace SlotBooking.Host.WebSockets;

/// <summary>
/// The limit on client frames: each connection's <see cref="InboundFramePump"/> owns a token bucket of this rate,
/// refilled when a frame arrives, so an idle connection costs no work and there is no shared map of connections.
/// </summary>
public sealed class FrameRateLimit(IOptions<SlotBookingOptions> options, TimeProvider clock)
{
    private readonly TokenBucketRate _rate = new(options.Value.MessageBurst, options.Value.MessagesPerSecond, clock);

    /// <summary>The error text a limited client receives.</summary>
    public string Describe { get; } =
        $"rate limit exceeded: at most {options.Value.MessagesPerSecond} messages per second (bursts of {options.Value.MessageBurst}); this message was not processed";

    /// <summary>A full bucket for one connection; only its pump uses it.</summary>
    public TokenBucket NewBucket() => _rate.NewBucket();
}
