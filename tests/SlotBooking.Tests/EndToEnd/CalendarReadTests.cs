using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary><c>GET /calendars/{id}/slots</c> and <c>/availability</c> on a real host with a configured, dated calendar.</summary>
public sealed class CalendarReadTests : HostTest
{
    protected override string[] HostArgs => LabCalendar.Args();

    private static LocalDate TodayInBerlin() =>
        SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    [Fact]
    public async Task A_days_slots_show_a_booking_made_over_the_socket_and_default_to_today()
    {
        var tomorrow = Iso(TodayInBerlin().PlusDays(1));
        var client = await ConnectAsync();
        await client.SendTextAsync($$"""{"type":"book_slot","calendar":"lab","date":"{{tomorrow}}","slot_id":10}""");
        Assert.True((await client.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());

        var day = await Host.Http.GetFromJsonAsync<JsonElement>($"/calendars/lab/slots?date={tomorrow}");
        Assert.Equal("lab", day.GetProperty("calendar").GetString());
        Assert.Equal(tomorrow, day.GetProperty("date").GetString());
        Assert.Equal([10], day.GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(11, day.GetProperty("available_slots").GetArrayLength());
        Assert.True(day.GetProperty("slots")[0].TryGetProperty("starts_at", out _));

        var today = await Host.Http.GetFromJsonAsync<JsonElement>("/calendars/lab/slots");
        Assert.Equal(Iso(TodayInBerlin()), today.GetProperty("date").GetString());

        var availability = await Host.Http.GetFromJsonAsync<JsonElement>($"/calendars/lab/availability?from={tomorrow}&days=3");
        var days = availability.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(3, days.Count);
        Assert.Equal([10], days[0].GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Empty(days[1].GetProperty("booked_slots").EnumerateArray());
    }

    [Fact]
    public async Task The_default_calendar_answers_in_the_slots_shape_with_its_id()
    {
        var day = await Host.Http.GetFromJsonAsync<JsonElement>("/calendars/default/slots");
        Assert.Equal("default", day.GetProperty("calendar").GetString());
        Assert.False(day.TryGetProperty("date", out _));
        Assert.Equal(12, day.GetProperty("slots").GetArrayLength());
    }

    [Theory]
    [InlineData("/calendars/gym/slots", HttpStatusCode.NotFound, "Unknown calendar: gym")]
    [InlineData("/calendars/gym/availability", HttpStatusCode.NotFound, "Unknown calendar: gym")]
    [InlineData("/calendars/lab/slots?date=2026-02-30", HttpStatusCode.BadRequest, "Parameter 'date'")]
    [InlineData("/calendars/default/slots?date=2026-11-26", HttpStatusCode.BadRequest, "Parameter 'date'")]
    [InlineData("/calendars/lab/availability?days=32", HttpStatusCode.BadRequest, "Parameter 'days'")]
    [InlineData("/calendars/lab/availability?days=0", HttpStatusCode.BadRequest, "Parameter 'days'")]
    [InlineData("/calendars/lab/availability?from=26-1-1", HttpStatusCode.BadRequest, "Parameter 'from'")]
    public async Task Bad_reads_get_a_problem_document(string path, HttpStatusCode status, string detail)
    {
        var response = await Host.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
