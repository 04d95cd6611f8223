using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

public class ContentionAndRestartTests : HostTest
{
    [Fact]
    public async Task Thirty_clients_racing_for_one_slot_have_exactly_one_winner()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => ConnectAsync()));

        await Task.WhenAll(clients.Select(c => c.BookAsync(8)));
        var answers = await Task.WhenAll(clients.Select(c => c.ReceiveOfTypeAsync("booking_response")));

        Assert.Single(answers, a => a.GetProperty("success").GetBoolean());
        Assert.All(answers.Where(a => !a.GetProperty("success").GetBoolean()),
            a => Assert.Equal("Slot 8 is already booked", a.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Thirty_clients_racing_to_cancel_one_booking_have_exactly_one_winner()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => ConnectAsync()));
        await clients[0].BookAsync(8);
        await clients[0].ReceiveOfTypeAsync("booking_response");

        await Task.WhenAll(clients.Select(c => c.CancelAsync(8)));
        var answers = await Task.WhenAll(clients.Select(c => c.ReceiveOfTypeAsync("cancellation_response")));

        Assert.Single(answers, a => a.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Bookings_survive_a_host_restart()
    {
        var client = await ConnectAsync();
        foreach (var id in new[] { 3, 9, 14 })
        {
            await client.BookAsync(id);
            Assert.True((await client.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        }
        await client.CancelAsync(9);
        Assert.True((await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
        var before = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");

        await RestartHostAsync();

        var after = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        Assert.Equal([3, 14], after.GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(before.GetRawText(), after.GetRawText());

        var (reconnected, initial) = await SocketClient.ConnectAndReadInitialAsync(Host.WebSocketAddress);
        await using var owned = reconnected;
        Assert.Equal([3, 14], initial.GetProperty("data").GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
    }
}
