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

        // Hold SQLite's write lock so the bookings are provably in flight (decided, not yet stored) when the stop begins.
        await using (var blocker = new SqliteConnection($"Data Source={Host.DatabasePath}"))
        {
            await blocker.OpenAsync();
            await using var transaction = blocker.BeginTransaction(deferred: false);
            for (var i = 0; i < clients.Length; i++)
            {
                await clients[i].BookAsync(3 + i);
                // The session handles frames in order: this answer means it has taken the booking.
                await clients[i].SendTextAsync("""{"type":"get_slots"}""");
                await clients[i].ReceiveOfTypeAsync("slots_update");
            }
            var stopping = Host.StopAsync();
            transaction.Rollback();

            for (var i = 0; i < clients.Length; i++)
            {
                var answer = await clients[i].ReceiveOfTypeAsync("booking_response");
                Assert.True(answer.GetProperty("success").GetBoolean(), answer.GetRawText());
                Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await clients[i].ReceiveCloseAsync());
            }
            await stopping;
        }

        await RestartHostAsync();
        var (client, initial) = await TestSupport.SocketClient.ConnectAndReadInitialAsync(Host.WebSocketAddress);
        await using var owned = client;
        Assert.Equal([3, 4, 5, 6, 7], initial.GetProperty("data").GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
    }
}
