using System.Net.Http.Json;
using System.Text.Json;

namespace SlotBooking.Tests.EndToEnd;

/// <summary><c>request_id</c> over a real socket: echoed on each request's answer, refused when malformed, absent when not sent.</summary>
public sealed class RequestIdTests : HostTest
{
    [Fact]
    public async Task Each_request_type_echoes_its_request_id()
    {
        var client = await ConnectAsync();

        await client.SendTextAsync("""{"type":"book_slot","slot_id":9,"request_id":"book-1"}""");
        var booked = await client.ReceiveOfTypeAsync("booking_response");
        Assert.True(booked.GetProperty("success").GetBoolean());
        Assert.Equal("book-1", booked.GetProperty("request_id").GetString());

        await client.SendTextAsync("""{"type":"cancel_slot","slot_id":9,"request_id":"cancel 2"}""");
        var cancelled = await client.ReceiveOfTypeAsync("cancellation_response");
        Assert.True(cancelled.GetProperty("success").GetBoolean());
        Assert.Equal("cancel 2", cancelled.GetProperty("request_id").GetString());

        await client.SendTextAsync("""{"type":"get_slots","request_id":"{slots:3}"}""");
        var slots = await ReceiveAnswerToGetSlotsAsync(client);
        Assert.Equal("{slots:3}", slots.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task Without_a_request_id_answers_carry_none()
    {
        var client = await ConnectAsync();
        await client.BookAsync(9);
        Assert.False((await client.ReceiveOfTypeAsync("booking_response")).TryGetProperty("request_id", out _));
        await client.SendTextAsync("""{"type":"get_slots"}""");
        Assert.False((await client.ReceiveOfTypeAsync("slots_update")).TryGetProperty("request_id", out _));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")]
    [InlineData("\"\\u00e9t\\u00e9\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task A_malformed_request_id_gets_an_error_naming_it_and_changes_nothing(string requestId)
    {
        var client = await ConnectAsync();
        await client.SendTextAsync($$"""{"type":"book_slot","slot_id":9,"request_id":{{requestId}}}""");

        var error = await client.ReceiveOfTypeAsync("error");
        Assert.StartsWith("request_id must be a string of 1-64 printable ASCII characters", error.GetProperty("message").GetString());
        Assert.False(error.TryGetProperty("request_id", out _));

        var slots = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        Assert.Empty(slots.GetProperty("booked_slots").EnumerateArray());
    }

    /// <summary>Broadcasts are slots_updates too, but never carry a request_id: skip them.</summary>
    private static async Task<JsonElement> ReceiveAnswerToGetSlotsAsync(TestSupport.SocketClient client)
    {
        while (true)
        {
            var update = await client.ReceiveOfTypeAsync("slots_update");
            if (update.TryGetProperty("request_id", out _)) return update;
        }
    }
}
