using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.WebSockets;

/// <summary>Counts open WebSocket connections so that upgrades beyond the configured maximum are refused before any work is done.</summary>
public sealed class ConnectionGate(IOptions<SlotBookingOptions> options)
{
    private int _open;

    /// <summary>Open WebSocket connections: the one count that <c>/</c>, <c>/health</c> and <c>/stats</c> report.</summary>
    public int Open => Volatile.Read(ref _open);

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _open) <= options.Value.MaxConnections) return true;
        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _open);
}
