using SlotBooking.Tests.EndToEnd;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Hostile;

public sealed class DeadPeerTests : HostTest
{
    protected override string[] HostArgs =>
    [
        "--SlotBooking:KeepAliveInterval=00:00:00.200",
        "--SlotBooking:KeepAliveTimeout=00:00:00.500",
    ];

    [Fact]
    public async Task A_peer_that_never_answers_pings_is_dropped_and_uncounted()
    {
        // A ClientWebSocket answers pings only while a receive is pending; this one never receives again.
        var (silent, _) = await SocketClient.ConnectAndReadInitialAsync(Host.WebSocketAddress);
        await using var owned = silent;
        var live = await ConnectAsync();
        await Eventually.ActiveConnectionsAsync(Host, 2);

        var receiving = live.ReceiveAsync(TimeSpan.FromSeconds(30)); // keeps answering pings
        await Eventually.ActiveConnectionsAsync(Host, 1);

        await live.BookAsync(4);
        // The broadcast of the booking may come before its answer (broadcasts may come between answers).
        var first = await receiving;
        var answer = first.GetProperty("type").GetString() == "booking_response" ? first : await live.ReceiveOfTypeAsync("booking_response");
        Assert.True(answer.GetProperty("success").GetBoolean());
    }
}
