using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Sessions;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Sessions;

public sealed class RequestTargetTests
{
    private static readonly CalendarDefinition Lab =
        new("lab", "Robotics lab", DateTimeZoneProviders.Tzdb["Europe/Berlin"], 8, 19, HorizonDays: 14, MinNoticeMinutes: 0);

    // 23:30 UTC on 2026-11-25 is already 2026-11-26 in Berlin: the range counts from the calendar's today.
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 23, 30);

    private static RequestTarget Of(ClientRequest request) =>
        RequestTarget.Of(request, id => id == "lab" ? Lab : null, new ReadableDates(lookBackDays: 30), Now);

    [Fact]
    public void No_calendar_or_the_default_one_is_the_default_board()
    {
        Assert.IsType<RequestTarget.DefaultBoard>(Of(new BookSlotRequest(9)));
        Assert.IsType<RequestTarget.DefaultBoard>(Of(new BookSlotRequest(9) { Calendar = "default" }));
    }

    [Fact]
    public void A_dated_calendar_with_a_date_is_that_day()
    {
        var day = Assert.IsType<RequestTarget.Day>(Of(new GetSlotsRequest() { Calendar = "lab", Date = new DateOnly(2026, 11, 26) }));
        Assert.Equal(Lab, day.Calendar);
        Assert.Equal(new LocalDate(2026, 11, 26), day.Date);
    }

    [Theory]
    [InlineData(null, "2026-11-26", "Field 'date' is not allowed here: the default calendar is undated")]
    [InlineData("default", "2026-11-26", "Field 'date' is not allowed here: the default calendar is undated")]
    [InlineData("lab", null, "Field 'date' is required: calendar lab is dated (send \"date\":\"YYYY-MM-DD\")")]
    [InlineData("gym", "2026-11-26", "Unknown calendar: gym")]
    public void Everything_else_is_refused_naming_the_field_or_the_calendar(string? calendar, string? date, string message)
    {
        var request = new CancelSlotRequest(9) { Calendar = calendar, Date = date is null ? null : DateOnly.Parse(date) };
        Assert.Equal(message, Assert.IsType<RequestTarget.Refused>(Of(request)).Message);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2026-10-26")]
    [InlineData("2026-12-11")]
    public void A_read_outside_the_readable_dates_is_refused_naming_the_date(string date)
    {
        var parsed = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        foreach (ClientRequest read in new ClientRequest[] { new GetSlotsRequest(), new WatchRequest() })
        {
            var refused = Assert.IsType<RequestTarget.Refused>(Of(read with { Calendar = "lab", Date = parsed }));
            Assert.Equal($"Field 'date': {date} is outside the dates calendar lab can be read for: 2026-10-27 to 2026-12-10", refused.Message);
        }
    }

    [Theory]
    [InlineData("2026-10-27")]
    [InlineData("2026-12-10")]
    public void A_read_on_the_first_or_last_readable_date_is_that_day(string date)
    {
        var parsed = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsType<RequestTarget.Day>(Of(new GetSlotsRequest { Calendar = "lab", Date = parsed }));
    }

    [Fact]
    public void A_command_or_an_unwatch_is_not_held_to_the_readable_dates_since_the_booking_window_judges_commands()
    {
        var farAway = new DateOnly(9999, 12, 31);
        Assert.IsType<RequestTarget.Day>(Of(new CancelSlotRequest(9) { Calendar = "lab", Date = farAway }));
        Assert.IsType<RequestTarget.Day>(Of(new BookSlotRequest(9) { Calendar = "lab", Date = farAway }));
        Assert.IsType<RequestTarget.Day>(Of(new UnwatchRequest { Calendar = "lab", Date = farAway }));
    }
}
