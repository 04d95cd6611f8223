using System.Net.WebSockets;
using Microsoft.Data.Sqlite;
using SlotBooking.Tests.EndToEnd;

namespace SlotBooking.Tests.Hostile;

public sealed class ShutdownTests : HostTest
{
    [Fact]
    public async Task Stopping_the_host_answers_commands_in_flight_then_closes_with_1001()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ConnectAsync()));
        var acknowledged = new List<int>();

        // Hold SQLite's write lock so that the bookings are decided but not yet stored when the stop begins.
        await using (var blocker = new SqliteConnection($"Data Source={Host.DatabasePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            using var transaction = blocker.BeginTransaction(deferred: false);
            for (var i = 0; i < clients.Length; i++) await clients[i].BookAsync(3 + i);
            // Nothing outside the server shows that a frame has been read; give the frames time to arrive, so that
            // the bookings are in flight when the stop begins (the NotEmpty check below relies on it).
            await Task.Delay(300);
            var stopping = Host.StopAsync();
            transaction.Rollback();

            for (var i = 0; i < clients.Length; i++)
            {
                var answer = await clients[i].ReceiveAsync();
                while (answer.GetProperty("type").GetString() == "slots_update") answer = await clients[i].ReceiveAsync(); // others' bookings
                if (answer.GetProperty("type").GetString() == "booking_response")
                {
                    Assert.True(answer.GetProperty("success").GetBoolean(), answer.GetRawText());
                    acknowledged.Add(3 + i);
                }
                else
                {
                    Assert.Equal("error", answer.GetProperty("type").GetString());
                    Assert.StartsWith("The server is shutting down", answer.GetProperty("message").GetString());
                }
                Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await clients[i].ReceiveCloseAsync());
            }
            await stopping;
        }
        Assert.NotEmpty(acknowledged);

        await RestartHostAsync();
        var (client, initial) = await TestSupport.SocketClient.ConnectAndReadInitialAsync(Host.WebSocketAddress);
        await using var owned = client;
        Assert.Equal(acknowledged, initial.GetProperty("data").GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Answers_come_in_the_order_the_requests_were_sent()
    {
        var client = await ConnectAsync();

        await client.BookAsync(9);
        await client.SendTextAsync("not json");
        await client.GetSlotsAsync();
        await client.CancelAsync(9);
        await client.BookAsync(99);

        var types = new List<string>();
        while (types.Count < 5)
        {
            var message = await client.ReceiveAsync();
            var type = message.GetProperty("type").GetString()!;
            // A broadcast slots_update may come between answers; the get_slots answer is the one after the error.
            if (type == "slots_update" && types.LastOrDefault() != "error") continue;
            types.Add(type);
        }
        Assert.Equal(["booking_response", "error", "slots_update", "cancellation_response", "booking_response"], types);
    }
}
