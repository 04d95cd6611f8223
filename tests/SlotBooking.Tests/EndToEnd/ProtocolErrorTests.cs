using System.Net.Http.Json;
using System.Text.Json;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>Every bad request gets a clear answer, changes nothing, and leaves the connection usable.</summary>
public sealed class ProtocolErrorTests : HostTest
{
    [Theory]
    [InlineData("not json at all", "Invalid JSON")]
    [InlineData("[1,2,3]", "Message must be a JSON object, got an array")]
    [InlineData("{\"slot_id\":9}", "Missing 'type' field")]
    [InlineData("{\"type\":\"reserve_slot\",\"slot_id\":9}", "Unknown message type: reserve_slot")]
    [InlineData("{\"type\":\"book_slot\"}", "Missing slot_id in booking request")]
    [InlineData("{\"type\":\"cancel_slot\"}", "Missing slot_id in cancellation request")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":\"9\"}", "slot_id must be an integer, got a string")]
    [InlineData("{\"type\":\"book_slot\",\"slot_id\":9.5}", "slot_id must be an integer, got 9.5")]
    public async Task Bad_requests_get_an_error_and_the_connection_stays_open(string frame, string expectedStart)
    {
        var client = await ConnectAsync();

        await client.SendTextAsync(frame);
        var error = await client.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.StartsWith(expectedStart, error.GetProperty("message").GetString());

        await AssertStillUsableAndNothingBookedAsync(client);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(15)]
    [InlineData(-1)]
    public async Task A_slot_outside_the_range_is_refused_naming_the_valid_range(int slotId)
    {
        var client = await ConnectAsync();

        await client.BookAsync(slotId);
        var response = await client.ReceiveAsync();
        Assert.Equal("booking_response", response.GetProperty("type").GetString());
        Assert.False(response.GetProperty("success").GetBoolean());
        Assert.Equal($"Slot {slotId} does not exist; valid slots are 3-14", response.GetProperty("message").GetString());
        Assert.Equal(slotId, response.GetProperty("slot_id").GetInt32());

        await client.CancelAsync(slotId);
        var cancel = await client.ReceiveAsync();
        Assert.Equal("cancellation_response", cancel.GetProperty("type").GetString());
        Assert.False(cancel.GetProperty("success").GetBoolean());

        await AssertStillUsableAndNothingBookedAsync(client);
    }

    [Fact]
    public async Task Booking_a_booked_slot_is_refused_and_changes_nothing()
    {
        var client = await ConnectAsync();
        await client.BookAsync(6);
        Assert.True((await client.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        var bookedAt = await BookedAtOfSlotAsync(6);

        await client.BookAsync(6);
        var refusal = await client.ReceiveOfTypeAsync("booking_response");
        Assert.False(refusal.GetProperty("success").GetBoolean());
        Assert.Equal("Slot 6 is already booked", refusal.GetProperty("message").GetString());
        Assert.Equal(bookedAt, await BookedAtOfSlotAsync(6));
    }

    [Fact]
    public async Task Cancelling_a_free_slot_is_refused()
    {
        var client = await ConnectAsync();

        await client.CancelAsync(7);
        var refusal = await client.ReceiveAsync();
        Assert.Equal("cancellation_response", refusal.GetProperty("type").GetString());
        Assert.False(refusal.GetProperty("success").GetBoolean());
        Assert.Equal("Slot 7 is not booked", refusal.GetProperty("message").GetString());
        Assert.Equal(7, refusal.GetProperty("slot_id").GetInt32());
    }

    private async Task AssertStillUsableAndNothingBookedAsync(TestSupport.SocketClient client)
    {
        await client.GetSlotsAsync();
        var update = await client.ReceiveOfTypeAsync("slots_update");
        Assert.Empty(update.GetProperty("data").GetProperty("booked_slots").EnumerateArray());
        var slots = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        Assert.Empty(slots.GetProperty("booked_slots").EnumerateArray());
    }

    private async Task<string?> BookedAtOfSlotAsync(int id)
    {
        var slots = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        return slots.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == id).GetProperty("booked_at").GetString();
    }
}
