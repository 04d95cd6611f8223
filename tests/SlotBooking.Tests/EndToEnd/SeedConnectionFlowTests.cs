using System.Text.Json;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>The seed's test-client flow: connect, read the state, book 9, ask for the slots, see broadcasts.</summary>
public sealed class SeedConnectionFlowTests : HostTest
{
    [Fact]
    public async Task Connect_receives_the_full_day_as_slots_update()
    {
        var (client, initial) = await SocketClient.ConnectAndReadInitialAsync(Host.WebSocketAddress);
        await using var owned = client;

        Assert.Equal("slots_update", initial.GetProperty("type").GetString());
        var data = initial.GetProperty("data");
        var slots = data.GetProperty("slots").EnumerateArray().ToArray();
        Assert.Equal(12, slots.Length);
        Assert.Equal(Enumerable.Range(3, 12), slots.Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal("09:00", slots[6].GetProperty("start_time").GetString());
        Assert.Equal("10:00", slots[6].GetProperty("end_time").GetString());
        Assert.All(slots, s => Assert.False(s.GetProperty("is_booked").GetBoolean()));
        Assert.All(slots, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("booked_at").ValueKind));
        Assert.Equal(Enumerable.Range(3, 12), data.GetProperty("available_slots").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Empty(data.GetProperty("booked_slots").EnumerateArray());
        Assert.True(DateTimeOffset.TryParse(initial.GetProperty("timestamp").GetString(), out _));
    }

    [Fact]
    public async Task Book_then_get_slots_shows_the_booking()
    {
        var client = await ConnectAsync();

        await client.BookAsync(9);
        var response = await client.ReceiveOfTypeAsync("booking_response");
        Assert.True(response.GetProperty("success").GetBoolean());
        Assert.Equal("Slot 9 booked successfully", response.GetProperty("message").GetString());
        Assert.Equal(9, response.GetProperty("slot_id").GetInt32());

        await client.GetSlotsAsync();
        var update = await client.ReceiveOfTypeAsync("slots_update");
        var slot9 = update.GetProperty("data").GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == 9);
        Assert.True(slot9.GetProperty("is_booked").GetBoolean());
        Assert.True(DateTimeOffset.TryParse(slot9.GetProperty("booked_at").GetString(), out var bookedAt));
        Assert.True(DateTimeOffset.UtcNow - bookedAt < TimeSpan.FromMinutes(1));
        Assert.Contains(9, update.GetProperty("data").GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
    }
}
