using System.Net;
using System.Net.WebSockets;
using SlotBooking.Tests.EndToEnd;
using SlotBooking.Tests.EndToEnd.Auth;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Hostile;

public sealed class FloodTests : HostTest
{
    protected override string[] HostArgs =>
    [
        "--SlotBooking:MessagesPerSecond=20",
        "--SlotBooking:MessageBurst=20",
        "--SlotBooking:MaxConnections=5",
        "--SlotBooking:HttpRequestsPerSecond=10",
        "--SlotBooking:HttpRequestBurst=60",
    ];

    [Fact]
    public async Task A_flooding_client_gets_rate_limit_errors_while_a_calm_one_is_served()
    {
        var flooder = await ConnectAsync();
        var calm = await ConnectAsync();

        // Each cancel gets exactly one answer: a refusal (the slot is free) or a rate-limit error.
        for (var i = 0; i < 100; i++) await flooder.CancelAsync(3);
        var limited = 0;
        var answered = 0;
        for (var i = 0; i < 100; i++)
        {
            var message = await flooder.ReceiveAsync();
            if (message.GetProperty("type").GetString() == "slots_update") { i--; continue; }
            if (message.GetProperty("type").GetString() == "error")
            {
                Assert.StartsWith("rate limit exceeded", message.GetProperty("message").GetString());
                limited++;
            }
            else answered++;
        }
        Assert.True(limited >= 50, $"only {limited} of 100 were limited");
        Assert.True(answered >= 20, $"only {answered} answered");
        Assert.Equal(WebSocketState.Open, flooder.Socket.State);

        await calm.BookAsync(5);
        Assert.True((await calm.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Upgrades_beyond_the_connection_limit_are_refused_with_503()
    {
        for (var i = 0; i < 5; i++) await ConnectAsync();

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => SocketClient.ConnectAsync(Host.WebSocketAddress));
        Assert.Contains("503", refused.Message);

        var response = await Host.Http.GetAsync("/stats");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Http_routes_answer_429_beyond_their_rate()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => Host.Http.GetAsync("/slots")));
        var refused = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains(statuses, r => r.StatusCode == HttpStatusCode.OK);
        // When to come back, in whole seconds, and a problem document as every other error.
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "no Retry-After");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.JsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too Many Requests", problem.GetProperty("title").GetString());
    }
}
