using System.Net;
using System.Net.WebSockets;
using SlotBooking.TestSupport;
using SlotBooking.Tests.EndToEnd;

namespace SlotBooking.Tests.Hostile;

/// <summary>WebSocket upgrades are limited per client address: beyond the allowance, 429 with Retry-After, and nothing is opened.</summary>
public sealed class UpgradeRateLimitTests : HostTest
{
    protected override string[] HostArgs => ["--SlotBooking:UpgradesPerMinute=3"];

    [Fact]
    public async Task Upgrades_beyond_the_allowance_get_429_with_retry_after()
    {
        for (var i = 0; i < 3; i++)
        {
            var client = await ConnectAsync();
            await client.CloseAsync();
        }

        using var refused = new ClientWebSocket();
        refused.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(Host.WebSocketAddress, CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.HttpStatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.HttpResponseHeaders!["Retry-After"]));
        // One upgrade comes back every 20 s at 3 a minute.
        Assert.InRange(retryAfter, 1, 20);
        // The HTTP routes have their own allowance: still served.
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.GetAsync("/slots")).StatusCode);
    }
}
