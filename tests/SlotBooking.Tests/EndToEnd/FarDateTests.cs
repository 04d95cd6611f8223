using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>
/// Dates far from today, over a real socket and real HTTP: refused where they are parsed, with an answer naming the
/// field, and never a crashed actor, an unanswered request or a 5xx.
/// </summary>
public sealed class FarDateTests : HostTest
{
    protected override string[] HostArgs =>
        [.. LabCalendar.Args(), "--SlotBooking:Calendars:0:HorizonDays=14", "--SlotBooking:ReadLookBackDays=30", .. TestTokens.Args()];

    private static LocalDate TodayInBerlin => SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;

    private static string InBerlin(int daysFromToday) => LocalDatePattern.Iso.Format(TodayInBerlin.PlusDays(daysFromToday));

    private static string Range => $"{InBerlin(-30)} to {InBerlin(14)}";

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task A_connection_to_a_day_outside_the_readable_dates_is_refused_before_the_upgrade(string date)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"{Host.WebSocketAddress}?calendar=lab&date={date}"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_connection_to_the_first_or_last_readable_day_is_upgraded()
    {
        foreach (var date in new[] { InBerlin(-30), InBerlin(14) })
        {
            await using var client = await SocketClient.ConnectAsync(new Uri($"{Host.WebSocketAddress}?calendar=lab&date={date}"));
            var initial = await client.ReceiveOfTypeAsync("slots_update");
            Assert.Equal(date, initial.GetProperty("date").GetString());
        }
    }

    [Fact]
    public async Task Reads_of_far_dates_get_an_error_naming_the_date_and_later_answers_are_not_held_back()
    {
        var client = await ConnectAsync();
        foreach (var (type, date) in new[] { ("get_slots", "0001-01-01"), ("get_slots", "9999-12-31"), ("watch", "9999-12-31"), ("get_slots", InBerlin(15)), ("get_slots", InBerlin(-31)) })
            await client.SendTextAsync($$"""{"type":"{{type}}","calendar":"lab","date":"{{date}}","request_id":"{{type}}-{{date}}"}""");
        await client.SendTextAsync($$"""{"type":"get_slots","calendar":"lab","date":"{{InBerlin(14)}}","request_id":"last"}""");

        foreach (var (type, date) in new[] { ("get_slots", "0001-01-01"), ("get_slots", "9999-12-31"), ("watch", "9999-12-31"), ("get_slots", InBerlin(15)), ("get_slots", InBerlin(-31)) })
        {
            var error = await client.ReceiveAsync();
            Assert.Equal("error", error.GetProperty("type").GetString());
            Assert.Equal($"{type}-{date}", error.GetProperty("request_id").GetString());
            Assert.Equal($"Field 'date': {date} is outside the dates calendar lab can be read for: {Range}", error.GetProperty("message").GetString());
        }
        var last = await client.ReceiveAsync();
        Assert.Equal("slots_update", last.GetProperty("type").GetString());
        Assert.Equal("last", last.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task Commands_on_far_dates_are_answered_by_the_booking_window()
    {
        var client = await ConnectAsync();
        await client.SendTextAsync("""{"type":"cancel_slot","calendar":"lab","date":"9999-12-31","slot_id":19}""");
        await client.SendTextAsync("""{"type":"book_slot","calendar":"lab","date":"9999-12-31","slot_id":19}""");
        await client.SendTextAsync("""{"type":"cancel_slot","calendar":"lab","date":"0001-01-01","slot_id":8}""");

        Assert.Equal("Slot 19 on 9999-12-31 is beyond the booking horizon of 3660 days",
            (await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("message").GetString());
        Assert.Equal("Slot 19 on 9999-12-31 is beyond the booking horizon of 14 days",
            (await client.ReceiveOfTypeAsync("booking_response")).GetProperty("message").GetString());
        Assert.Equal("Slot 8 on 0001-01-01 is in the past", (await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/calendars/lab/slots?date=0001-01-01", "date")]
    [InlineData("/calendars/lab/slots?date=9999-12-31", "date")]
    [InlineData("/calendars/lab/availability?from=9999-12-30&days=5", "from")]
    [InlineData("/calendars/lab/availability?from=0001-01-01", "from")]
    [InlineData("/calendars/lab/availability?days=16", "days")]
    public async Task An_http_read_of_far_dates_is_400_naming_the_parameter(string path, string parameter)
    {
        using var response = await Host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith($"Parameter '{parameter}': ", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_http_read_of_the_readable_dates_ends_is_answered()
    {
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.GetAsync($"/calendars/lab/slots?date={InBerlin(-30)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.GetAsync($"/calendars/lab/slots?date={InBerlin(14)}")).StatusCode);
        var availability = await Host.Http.GetFromJsonAsync<JsonElement>($"/calendars/lab/availability?from={InBerlin(-30)}&days=31");
        Assert.Equal(31, availability.GetProperty("days").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.GetAsync("/calendars/lab/availability?days=15")).StatusCode);
    }

    [Theory]
    [InlineData("/cancel-slot", "9999-12-31", "Slot 19 on 9999-12-31 is beyond the booking horizon of 3660 days")]
    [InlineData("/book-slot", "9999-12-31", "Slot 19 on 9999-12-31 is beyond the booking horizon of 14 days")]
    [InlineData("/cancel-slot", "0001-01-01", "Slot 19 on 0001-01-01 is in the past")]
    public async Task An_http_command_on_a_far_date_is_400_with_the_booking_windows_reason(string path, string date, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent($$"""{"calendar":"lab","date":"{{date}}","slot_id":19}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("ada"));
        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
