using SlotBooking.Protocol;

namespace SlotBooking.Client.Load;

/// <summary>One closed-loop load run: <see cref="Clients"/> connections, each with one request outstanding at a time.</summary>
public sealed record LoadOptions(Uri Address, int Clients, TimeSpan Duration)
{
    /// <summary>The slots to pick from; null means the server's own range, read from its first <c>slots_update</c>.</summary>
    public SlotRange? Slots { get; init; }

    /// <summary>Requests run but are not counted for this long first (JIT, connection warm-up, caches).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>An answer slower than this counts as a timeout error and ends that client.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Connection handshakes in flight at once while the clients connect.</summary>
    public int ConnectParallelism { get; init; } = 100;

    /// <summary>Fixes the random choice of slots and operations, for repeatable runs.</summary>
    public int? Seed { get; init; }

    /// <summary>Dated days to spread the load over (every slot of each); none means the default board.</summary>
    public IReadOnlyList<SlotBooking.WireClient.Requests.DayAddress> Days { get; init; } = [];

    /// <summary>The bearer token client n signs in with at connect; null (or none) connects anonymously.</summary>
    public Func<int, string?>? TokenFor { get; init; }

    /// <summary>When set, the server's CPU use over the measured window is reported too.</summary>
    public int? ServerProcessId { get; init; }
}
