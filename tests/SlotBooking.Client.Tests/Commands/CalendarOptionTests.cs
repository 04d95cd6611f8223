using SlotBooking.Client.Commands;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Tests.Commands;

public sealed class CalendarOptionTests
{
    [Fact]
    public void A_dated_calendar_and_a_date_name_a_day_and_its_socket_address_watches_it()
    {
        var day = CommonOptions.DayOf("lab", new DateOnly(2026, 11, 26));
        Assert.Equal(new DayAddress("lab", "2026-11-26"), day);
        Assert.Equal("ws://127.0.0.1:8000/slot-booking?calendar=lab&date=2026-11-26",
            CommonOptions.Watching(new Uri("ws://127.0.0.1:8000/slot-booking"), day).ToString());
    }

    [Fact]
    public void No_calendar_or_the_default_one_is_the_default_board()
    {
        Assert.Null(CommonOptions.DayOf(null, null));
        Assert.Null(CommonOptions.DayOf("default", null));
        var address = new Uri("ws://127.0.0.1:8000/slot-booking");
        Assert.Equal(address, CommonOptions.Watching(address, null));
    }

    [Fact]
    public void A_dated_calendar_without_a_date_or_a_date_without_a_calendar_is_refused()
    {
        Assert.Contains("--date", Assert.Throws<ArgumentException>(() => CommonOptions.DayOf("lab", null)).Message);
        Assert.Contains("--calendar", Assert.Throws<ArgumentException>(() => CommonOptions.DayOf(null, new DateOnly(2026, 11, 26))).Message);
    }
}
