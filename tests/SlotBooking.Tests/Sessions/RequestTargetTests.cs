using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Sessions;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Sessions;

public sealed class RequestTargetTests
{
    private static readonly CalendarDefinition Lab =
        new("lab", "Robotics lab", DateTimeZoneProviders.Tzdb["Europe/Berlin"], 8, 19, HorizonDays: 14, MinNoticeMinutes: 0);

    private static RequestTarget Of(ClientRequest request) => RequestTarget.Of(request, id => id == "lab" ? Lab : null);

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
}
