using SlotBooking.Protocol;

namespace SlotBooking.Client.Seeding;

/// <summary>
/// Writes <see cref="Events"/> journal events through the server: one connection per slot, each alternating
/// book and cancel of its own slot with up to <see cref="Window"/> requests in flight, so every request succeeds.
/// </summary>
public sealed record SeedOptions(Uri Address, long Events)
{
    /// <summary>The slots to spread the events over; null means the server's own range.</summary>
    public SlotRange? Slots { get; init; }

    /// <summary>Requests in flight per connection; the server disconnects a client with more than 256 unsent answers.</summary>
    public int Window { get; init; } = 64;

    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>How seeding went: <see cref="Successes"/> is the number of events the server stored.</summary>
public sealed record SeedResult(long Requested, long Successes, long Refusals, long Errors, double Seconds, double EventsPerSecond, IReadOnlyList<string> ErrorSamples);
