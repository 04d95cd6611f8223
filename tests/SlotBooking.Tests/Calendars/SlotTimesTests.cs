using NodaTime;
using NodaTime.Text;
using SlotBooking.Actors.Calendars;
using static SlotBooking.Tests.Calendars.TestCalendars;

namespace SlotBooking.Tests.Calendars;

public sealed class SlotTimesTests
{
    private static readonly CalendarDefinition Berlin = In("Europe/Berlin");
    private static readonly CalendarDefinition NewYork = In("America/New_York");

    [Fact]
    public void An_ordinary_hour_is_one_hour_at_the_zones_offset()
    {
        var slot = SlotTimes.Of(Berlin, new LocalDate(2026, 11, 26), 9);

        Assert.NotNull(slot);
        Assert.Equal(Utc(2026, 11, 26, 8), slot.StartsAt);
        Assert.Equal(Utc(2026, 11, 26, 9), slot.EndsAt);
        Assert.Equal("2026-11-26T08:00:00Z", InstantPattern.General.Format(slot.StartsAt));
    }

    [Fact]
    public void The_last_hour_of_the_day_ends_at_the_next_days_midnight()
    {
        var slot = SlotTimes.Of(Berlin, new LocalDate(2026, 11, 26), 23);

        Assert.Equal(Utc(2026, 11, 26, 22), slot!.StartsAt);
        Assert.Equal(Utc(2026, 11, 26, 23), slot.EndsAt);
    }

    [Fact]
    public void Berlin_spring_forward_skips_two_oclock_and_its_neighbours_touch_the_jump()
    {
        var date = new LocalDate(2026, 3, 29); // 02:00 CET becomes 03:00 CEST at 01:00Z

        Assert.Null(SlotTimes.Of(Berlin, date, 2));
        AssertSlot(SlotTimes.Of(Berlin, date, 1), Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 1));
        AssertSlot(SlotTimes.Of(Berlin, date, 3), Utc(2026, 3, 29, 1), Utc(2026, 3, 29, 2));
    }

    [Fact]
    public void Berlin_fall_back_gives_two_oclock_both_readings_of_the_repeated_hour()
    {
        var date = new LocalDate(2026, 10, 25); // 03:00 CEST becomes 02:00 CET at 01:00Z

        AssertSlot(SlotTimes.Of(Berlin, date, 1), Utc(2026, 10, 24, 23), Utc(2026, 10, 25, 0));
        var two = SlotTimes.Of(Berlin, date, 2);
        AssertSlot(two, Utc(2026, 10, 25, 0), Utc(2026, 10, 25, 2));
        Assert.Equal(Duration.FromHours(2), two!.Length);
        AssertSlot(SlotTimes.Of(Berlin, date, 3), Utc(2026, 10, 25, 2), Utc(2026, 10, 25, 3));
    }

    [Fact]
    public void New_York_spring_forward_skips_two_oclock()
    {
        var date = new LocalDate(2026, 3, 8); // 02:00 EST becomes 03:00 EDT at 07:00Z

        Assert.Null(SlotTimes.Of(NewYork, date, 2));
        AssertSlot(SlotTimes.Of(NewYork, date, 1), Utc(2026, 3, 8, 6), Utc(2026, 3, 8, 7));
        AssertSlot(SlotTimes.Of(NewYork, date, 3), Utc(2026, 3, 8, 7), Utc(2026, 3, 8, 8));
    }

    [Fact]
    public void New_York_fall_back_gives_one_oclock_both_readings_of_the_repeated_hour()
    {
        var date = new LocalDate(2026, 11, 1); // 02:00 EDT becomes 01:00 EST at 06:00Z

        AssertSlot(SlotTimes.Of(NewYork, date, 0), Utc(2026, 11, 1, 4), Utc(2026, 11, 1, 5));
        AssertSlot(SlotTimes.Of(NewYork, date, 1), Utc(2026, 11, 1, 5), Utc(2026, 11, 1, 7));
        AssertSlot(SlotTimes.Of(NewYork, date, 2), Utc(2026, 11, 1, 7), Utc(2026, 11, 1, 8));
    }

    [Theory]
    [InlineData("Europe/Berlin", 2026, 3, 29, 23, 23)]
    [InlineData("Europe/Berlin", 2026, 10, 25, 24, 25)]
    [InlineData("America/New_York", 2026, 3, 8, 23, 23)]
    [InlineData("America/New_York", 2026, 11, 1, 24, 25)]
    [InlineData("Asia/Tokyo", 2026, 3, 29, 24, 24)]
    public void A_days_slots_omit_skipped_hours_and_tile_the_day_without_gap_or_overlap(
        string zone, int year, int month, int day, int expectedSlots, int expectedHours)
    {
        var slots = SlotTimes.Day(In(zone), new LocalDate(year, month, day));

        Assert.Equal(expectedSlots, slots.Count);
        for (var i = 1; i < slots.Count; i++)
            Assert.Equal(slots[i - 1].EndsAt, slots[i].StartsAt);
        Assert.Equal(Duration.FromHours(expectedHours), slots[^1].EndsAt - slots[0].StartsAt);
    }

    [Fact]
    public void A_days_slots_are_the_calendars_hours_in_order()
    {
        var slots = SlotTimes.Day(In("Europe/Berlin", firstHour: 1, lastHour: 4), new LocalDate(2026, 3, 29));

        Assert.Equal([1, 3, 4], slots.Select(s => s.Hour));
        Assert.All(slots, s => Assert.Equal(new LocalDate(2026, 3, 29), s.Date));
    }

    private static void AssertSlot(SlotInterval? slot, Instant startsAt, Instant endsAt)
    {
        Assert.NotNull(slot);
        Assert.Equal(startsAt, slot.StartsAt);
        Assert.Equal(endsAt, slot.EndsAt);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void A_date_at_the_ends_of_the_calendar_has_no_slots_rather_than_an_overflow(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        foreach (var zone in new[] { "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago" })
        {
            Assert.Empty(SlotTimes.Day(In(zone), date));
            Assert.Null(SlotTimes.Of(In(zone), date, 23));
        }
    }

    [Fact]
    public void The_first_and_last_supported_dates_have_slots_whose_times_fit_a_DateTimeOffset()
    {
        foreach (var zone in new[] { "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago" })
        {
            foreach (var date in new[] { SlotTimes.FirstSupportedDate, SlotTimes.LastSupportedDate })
            {
                var day = SlotTimes.Day(In(zone), date);
                Assert.Equal(24, day.Count);
                Assert.All(day, s => _ = (s.StartsAt.ToDateTimeOffset(), s.EndsAt.ToDateTimeOffset()));
            }
        }
    }
}
