using System.Text;
using NodaTime;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Tests.Calendars;

/// <summary>A dated day as clients see it: the slots that exist that day, with their true UTC times.</summary>
public sealed class DayViewTests
{
    [Fact]
    public void On_the_day_the_clocks_go_forward_the_skipped_hour_is_not_listed_and_each_slot_has_its_utc_times()
    {
        var berlin = TestCalendars.In("Europe/Berlin", firstHour: 1, lastHour: 3);
        var bookedAt = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);

        var data = SlotsDataFactory.FromDay(berlin, new LocalDate(2026, 3, 29), [new SlotState(3, bookedAt)]);

        Assert.Equal([1, 3], data.Slots.Select(s => s.Id));
        Assert.Equal([1], data.AvailableSlots);
        Assert.Equal([3], data.BookedSlots);
        var three = data.Slots[1];
        Assert.Equal(("03:00", "04:00"), (three.StartTime, three.EndTime));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), three.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.Zero), three.EndsAt);
    }

    [Fact]
    public void A_dated_slot_writes_starts_at_and_ends_at_and_a_default_one_does_not()
    {
        var at = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        var dated = new SlotView(9, "09:00", "10:00", false, null) { StartsAt = at, EndsAt = at.AddHours(1) };
        var data = new SlotsData([dated, new SlotView(10, "10:00", "11:00", false, null)], [9, 10], []);
        var json = Encoding.UTF8.GetString(ServerMessageSerializer.ToUtf8(new SlotsUpdateMessage(data, at)));

        Assert.Contains("""{"id":9,"start_time":"09:00","end_time":"10:00","is_booked":false,"booked_at":null,"starts_at":"2026-11-26T08:00:00.000000+00:00","ends_at":"2026-11-26T09:00:00.000000+00:00"}""", json);
        Assert.Contains("""{"id":10,"start_time":"10:00","end_time":"11:00","is_booked":false,"booked_at":null}""", json);
    }
}
