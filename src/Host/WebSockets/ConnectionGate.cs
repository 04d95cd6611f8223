using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.WebSockets;

/// <summary>
/// The one count of open WebSocket connections: entered before the upgrade is accepted and left after the session
/// has ended, so upgrades beyond the configured maximum are refused before any work is done, and the HTTP routes
/// report <see cref="Open"/> as <c>active_connections</c>.
/// </summary>
public sealed class ConnectionGate(IOptions<SlotBookingOptions> options)
{
    private int _open;

    /// <summary>Connections entered and not yet left.</summary>
    public int Open => Volatile.Read(ref _open);

    public bool TryEnter()
    {
        // Compare-and-swap rather than increment-then-undo: a refused attempt never shows in Open, even briefly.
        var open = Volatile.Read(ref _open);
        while (open < options.Value.MaxConnections)
        {
            var seen = Interlocked.CompareExchange(ref _open, open + 1, open);
            if (seen == open) return true;
            open = seen;
        }
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _open);
}
