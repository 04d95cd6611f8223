using System.Net.Http.Json;
using System.Text.Json;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>
/// The <c>calendar</c> and <c>date</c> fields while only the default calendar exists: naming it works and is echoed;
/// another calendar, or a date on the undated default calendar, gets an error naming it and changes nothing.
/// </summary>
public sealed class CalendarFieldTests : HostTest
{
    [Fact]
    public async Task Naming_the_default_calendar_books_it_and_the_answer_echoes_it()
    {
        var client = await ConnectAsync();
        await client.SendTextAsync("""{"type":"book_slot","slot_id":9,"calendar":"default"}""");
        var answer = await client.ReceiveOfTypeAsync("booking_response");
        Assert.True(answer.GetProperty("success").GetBoolean());
        Assert.Equal("default", answer.GetProperty("calendar").GetString());
        Assert.False(answer.TryGetProperty("date", out _));

        await client.SendTextAsync("""{"type":"get_slots","calendar":"default","request_id":"g"}""");
        while (true)
        {
            var update = await client.ReceiveOfTypeAsync("slots_update");
            if (!update.TryGetProperty("request_id", out _)) continue; // a broadcast
            Assert.Equal("default", update.GetProperty("calendar").GetString());
            break;
        }
    }

    [Theory]
    [InlineData("""{"type":"book_slot","slot_id":9,"calendar":"lab","date":"2026-11-26"}""", "Unknown calendar: lab")]
    [InlineData("""{"type":"book_slot","slot_id":9,"date":"2026-11-26"}""", "Field 'date' is not allowed here: the default calendar is undated")]
    [InlineData("""{"type":"book_slot","slot_id":9,"calendar":"default","date":"2026-11-26"}""", "Field 'date' is not allowed here: the default calendar is undated")]
    [InlineData("""{"type":"book_slot","slot_id":9,"date":"2026-02-30"}""", "Field 'date' must be a date as \"YYYY-MM-DD\", got \"2026-02-30\"")]
    [InlineData("""{"type":"book_slot","slot_id":9,"date":"26-1-1"}""", "Field 'date' must be a date as \"YYYY-MM-DD\", got \"26-1-1\"")]
    public async Task A_request_the_default_calendar_cannot_serve_gets_an_error_and_changes_nothing(string request, string message)
    {
        var client = await ConnectAsync();
        await client.SendTextAsync(request);
        var error = await client.ReceiveOfTypeAsync("error");
        Assert.Equal(message, error.GetProperty("message").GetString());

        var slots = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        Assert.Empty(slots.GetProperty("booked_slots").EnumerateArray());
    }
}
