using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using static SlotBooking.Tests.Calendars.TestCalendars;

namespace SlotBooking.Tests.Calendars;

public sealed class BookingWindowTests
{
    // Berlin is UTC+1 in November: this is 09:30 local on Wednesday 2026-11-25.
    private static readonly Instant Now = Utc(2026, 11, 25, 8, 30);
    private static readonly CalendarDefinition Lab = In("Europe/Berlin", firstHour: 8, lastHour: 19, horizonDays: 14);

    private static BookingWindowVerdict Book(CalendarDefinition calendar, LocalDate date, int hour, Instant now) =>
        BookingWindow.Check(calendar, date, hour, SlotCommandKind.Book, now);

    private static BookingWindowVerdict Cancel(CalendarDefinition calendar, LocalDate date, int hour, Instant now) =>
        BookingWindow.Check(calendar, date, hour, SlotCommandKind.Cancel, now);

    [Fact]
    public void The_last_day_of_the_horizon_is_bookable()
    {
        Assert.True(Book(Lab, new LocalDate(2026, 12, 9), 9, Now).IsAllowed);
    }

    [Fact]
    public void The_day_after_the_horizon_is_refused()
    {
        var verdict = Book(Lab, new LocalDate(2026, 12, 10), 9, Now);

        Assert.Equal(BookingWindowOutcome.BeyondHorizon, verdict.Outcome);
        Assert.Equal("Slot 9 on 2026-12-10 is beyond the booking horizon of 14 days", verdict.Message);
        Assert.Equal("Slot 9 on 2026-12-24 is beyond the booking horizon of 14 days", Book(Lab, new LocalDate(2026, 12, 24), 9, Now).Message);
    }

    [Fact]
    public void A_horizon_of_zero_days_allows_only_today()
    {
        var todayOnly = Lab with { HorizonDays = 0 };

        Assert.True(Book(todayOnly, new LocalDate(2026, 11, 25), 19, Now).IsAllowed);
        Assert.Equal("Slot 8 on 2026-11-26 is beyond the booking horizon of 0 days", Book(todayOnly, new LocalDate(2026, 11, 26), 8, Now).Message);
        Assert.Equal("Slot 8 on 2026-11-27 is beyond the booking horizon of 1 day", Book(Lab with { HorizonDays = 1 }, new LocalDate(2026, 11, 27), 8, Now).Message);
    }

    [Fact]
    public void A_booking_cancelled_beyond_the_horizon_is_allowed()
    {
        // A booking made before the horizon was shortened can still be let go.
        Assert.True(Cancel(Lab, new LocalDate(2026, 12, 24), 9, Now).IsAllowed);
    }

    [Fact]
    public void A_start_exactly_the_minimum_notice_away_is_bookable_and_one_second_less_is_not()
    {
        var withNotice = Lab with { MinNoticeMinutes = 60 };
        var date = new LocalDate(2026, 11, 25); // slot 11 starts 11:00 local = 10:00Z

        Assert.True(Book(withNotice, date, 11, Utc(2026, 11, 25, 9, 0)).IsAllowed);
        var verdict = Book(withNotice, date, 11, Utc(2026, 11, 25, 9, 0, 1));
        Assert.Equal(BookingWindowOutcome.InsideNotice, verdict.Outcome);
        Assert.Equal("Slot 11 on 2026-11-25 starts in less than 60 minutes (the minimum notice)", verdict.Message);
    }

    [Fact]
    public void The_notice_is_measured_to_the_slots_start_across_midnight()
    {
        var withNotice = Lab with { MinNoticeMinutes = 60 };

        var verdict = Book(withNotice, new LocalDate(2026, 11, 26), 9, Utc(2026, 11, 26, 7, 30));

        Assert.Equal("Slot 9 on 2026-11-26 starts in less than 60 minutes (the minimum notice)", verdict.Message);
        Assert.Equal("Slot 8 on 2026-11-26 starts in less than 1 minute (the minimum notice)",
            Book(Lab with { MinNoticeMinutes = 1 }, new LocalDate(2026, 11, 26), 8, Utc(2026, 11, 26, 6, 59, 30)).Message);
    }

    [Fact]
    public void A_cancellation_inside_the_notice_is_allowed()
    {
        Assert.True(Cancel(Lab with { MinNoticeMinutes = 60 }, new LocalDate(2026, 11, 25), 10, Now).IsAllowed);
    }

    [Fact]
    public void A_date_before_today_is_past_for_both_commands()
    {
        var date = new LocalDate(2026, 11, 20);

        Assert.Equal("Slot 9 on 2026-11-20 is in the past", Book(Lab, date, 9, Now).Message);
        Assert.Equal(BookingWindowOutcome.Past, Cancel(Lab, date, 9, Now).Outcome);
    }

    [Fact]
    public void Booking_a_slot_that_has_started_today_is_refused_as_past()
    {
        var verdict = Book(Lab, new LocalDate(2026, 11, 25), 9, Now);

        Assert.Equal(BookingWindowOutcome.Past, verdict.Outcome);
        Assert.Equal("Slot 9 on 2026-11-25 is in the past", verdict.Message);
    }

    [Fact]
    public void A_slot_starting_exactly_now_has_started()
    {
        var date = new LocalDate(2026, 11, 25);
        var atStart = Utc(2026, 11, 25, 9); // slot 10

        Assert.Equal(BookingWindowOutcome.Past, Book(Lab, date, 10, atStart).Outcome);
        Assert.Equal(BookingWindowOutcome.Started, Cancel(Lab, date, 10, atStart).Outcome);
        Assert.True(Cancel(Lab, date, 10, atStart - Duration.FromSeconds(1)).IsAllowed);
    }

    [Fact]
    public void A_booking_whose_slot_has_started_can_no_longer_be_cancelled()
    {
        var verdict = Cancel(Lab, new LocalDate(2026, 11, 25), 9, Now);

        Assert.Equal(BookingWindowOutcome.Started, verdict.Outcome);
        Assert.Equal("Slot 9 on 2026-11-25 has started and can no longer be cancelled", verdict.Message);
    }

    [Fact]
    public void A_booking_whose_slot_has_not_started_can_be_cancelled()
    {
        Assert.True(Cancel(Lab, new LocalDate(2026, 11, 25), 10, Now).IsAllowed);
        Assert.True(Cancel(Lab, new LocalDate(2026, 11, 26), 8, Now).IsAllowed);
    }

    [Fact]
    public void An_hour_outside_the_calendars_hours_does_not_exist()
    {
        var verdict = Book(Lab, new LocalDate(2026, 11, 26), 7, Now);

        Assert.Equal(BookingWindowOutcome.NoSuchHour, verdict.Outcome);
        Assert.Equal("Slot 7 does not exist; valid slots are 8-19", verdict.Message);
        Assert.Equal(BookingWindowOutcome.NoSuchHour, Cancel(Lab, new LocalDate(2026, 11, 26), 24, Now).Outcome);
    }

    [Fact]
    public void The_hour_the_clocks_skip_cannot_be_booked_or_cancelled()
    {
        var allDay = In("Europe/Berlin");
        var date = new LocalDate(2026, 3, 29);
        var before = Utc(2026, 3, 25, 12);

        var verdict = Book(allDay, date, 2, before);

        Assert.Equal(BookingWindowOutcome.SkippedHour, verdict.Outcome);
        Assert.Equal("Slot 2 does not exist on 2026-03-29 (the clocks go forward)", verdict.Message);
        Assert.Equal(BookingWindowOutcome.SkippedHour, Cancel(allDay, date, 2, before).Outcome);
        Assert.True(Book(allDay, date, 3, before).IsAllowed);
    }

    [Fact]
    public void New_York_skips_its_own_two_oclock_not_Berlins()
    {
        var date = new LocalDate(2026, 3, 8);
        var before = Utc(2026, 3, 1, 12);

        Assert.Equal("Slot 2 does not exist on 2026-03-08 (the clocks go forward)", Book(In("America/New_York"), date, 2, before).Message);
        Assert.True(Book(In("Europe/Berlin"), date, 2, before).IsAllowed);
    }

    [Fact]
    public void The_repeated_hour_has_started_from_its_first_reading_through_its_second()
    {
        var newYork = In("America/New_York");
        var date = new LocalDate(2026, 11, 1); // slot 1 runs 05:00Z-07:00Z

        Assert.True(Book(newYork, date, 1, Utc(2026, 11, 1, 4, 59)).IsAllowed);
        Assert.Equal(BookingWindowOutcome.Started, Cancel(newYork, date, 1, Utc(2026, 11, 1, 5, 30)).Outcome);
        // 06:15Z reads 01:15 again, in EST: still the same, started slot.
        Assert.Equal(BookingWindowOutcome.Started, Cancel(newYork, date, 1, Utc(2026, 11, 1, 6, 15)).Outcome);
        Assert.True(Book(newYork, date, 2, Utc(2026, 11, 1, 6, 59)).IsAllowed);
    }

    [Fact]
    public void Today_is_the_date_in_the_calendars_zone_not_in_utc()
    {
        var tokyo = In("Asia/Tokyo", firstHour: 8, lastHour: 19, horizonDays: 14);
        var now = Utc(2026, 11, 25, 15, 30); // 2026-11-26 00:30 in Tokyo, still the 25th in UTC

        Assert.Equal(new LocalDate(2026, 11, 26), tokyo.Today(now));
        Assert.Equal("Slot 19 on 2026-11-25 is in the past", Book(tokyo, new LocalDate(2026, 11, 25), 19, now).Message);
        Assert.True(Book(tokyo, new LocalDate(2026, 12, 10), 9, now).IsAllowed); // 26th + 14 days
        Assert.Equal(BookingWindowOutcome.BeyondHorizon, Book(tokyo, new LocalDate(2026, 12, 11), 9, now).Outcome);
    }

    [Fact]
    public void The_undated_default_calendar_has_no_booking_window()
    {
        Assert.Throws<ArgumentException>(() => Book(CalendarDefinition.Default(3, 14), new LocalDate(2026, 11, 26), 9, Now));
    }

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(2037, 1, 1)]
    public void A_cancel_beyond_the_longest_horizon_any_calendar_may_have_is_refused_without_computing_its_slot(int year, int month, int day)
    {
        var verdict = Cancel(Lab, new LocalDate(year, month, day), 23 - 4, Now);

        Assert.Equal(BookingWindowOutcome.BeyondHorizon, verdict.Outcome);
        Assert.Equal($"Slot 19 on {year:0000}-{month:00}-{day:00} is beyond the booking horizon of 3660 days", verdict.Message);
    }

    [Fact]
    public void A_cancel_on_the_last_day_of_the_longest_horizon_is_still_judged_as_a_cancel()
    {
        Assert.True(Cancel(Lab, Now.InZone(Lab.TimeZone).Date.PlusDays(CalendarDefinition.MaxHorizonDays), 9, Now).IsAllowed);
        Assert.Equal(BookingWindowOutcome.Past, Cancel(Lab, new LocalDate(1, 1, 1), 9, Now).Outcome);
    }
}
