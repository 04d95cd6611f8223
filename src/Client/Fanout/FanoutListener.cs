using System.Diagnostics;
using System.Net.WebSockets;
using SlotBooking.WireClient.Connections;
using SlotBooking.WireClient.Frames;

namespace SlotBooking.Client.Fanout;

/// <summary>
/// One idle connection that only reads. For each <c>slots_update</c> it checks whether the watched slot is in
/// the state the current round expects, and reports the first such frame per round.
/// </summary>
public sealed class FanoutListener(WireSocket socket, int slotId, CurrentRound current)
{
    private int _lastRoundSeen;

    /// <returns>null when the run ended it, otherwise why the connection was lost.</returns>
    public async Task<string?> RunAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var utf8 = await socket.ReceiveAsync(stop);
                var receivedAt = Stopwatch.GetTimestamp();
                var round = current.Value;
                if (round is null || round.Number == _lastRoundSeen) continue;
                if (BookedSlotsReader.IsBooked(utf8.Span, slotId) != round.ExpectBooked) continue;
                _lastRoundSeen = round.Number;
                round.Seen(receivedAt);
            }
        }
        catch (Exception ex) when (ex is ServerClosedException or WebSocketException or IOException or OperationCanceledException)
        {
            return current.Stopped ? null : ex.Message;
        }
    }
}
