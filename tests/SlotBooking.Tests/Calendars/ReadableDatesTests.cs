using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SlotBooking.Actors.Calendars;
using static SlotBooking.Tests.Calendars.TestCalendars;

namespace SlotBooking.Tests.Calendars;

/// <summary>The dates whose slots may be read: from the look-back before today, in the calendar's zone, to its horizon after.</summary>
public sealed class ReadableDatesTests
{
    private static readonly CalendarDefinition Lab = In("Europe/Berlin", firstHour: 8, lastHour: 19, horizonDays: 14);
    private static readonly ReadableDates Dates = new(lookBackDays: 366);

    // A fake clock at 23:30 UTC on 2026-11-25, which is already Thursday 2026-11-26 in Berlin.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero));
    private static Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    [Fact]
    public void The_range_counts_from_today_in_the_calendars_zone_not_in_UTC()
    {
        Assert.Equal((new LocalDate(2025, 11, 25), new LocalDate(2026, 12, 10)), Dates.RangeAt(Lab, Now));
        // The same instant in a zone where it is still the 25th.
        Assert.Equal((new LocalDate(2025, 11, 24), new LocalDate(2026, 12, 9)), Dates.RangeAt(In("America/New_York"), Now));
    }

    [Theory]
    [InlineData(2025, 11, 25, true)]
    [InlineData(2025, 11, 24, false)]
    [InlineData(2026, 12, 10, true)]
    [InlineData(2026, 12, 11, false)]
    [InlineData(1, 1, 1, false)]
    [InlineData(9999, 12, 31, false)]
    public void The_bounds_are_readable_and_a_day_beyond_either_is_not(int year, int month, int day, bool readable)
    {
        var problem = Dates.Check(Lab, new LocalDate(year, month, day), Now);
        if (readable) Assert.Null(problem);
        else Assert.Equal($"{new LocalDate(year, month, day):yyyy-MM-dd} is outside the dates calendar lab can be read for: 2025-11-25 to 2026-12-10", problem);
    }

    [Fact]
    public void The_range_moves_with_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 22, 59, 0, TimeSpan.Zero));
        var lastBefore = Dates.RangeAt(Lab, Instant.FromDateTimeOffset(clock.GetUtcNow())).Last;
        clock.Advance(TimeSpan.FromMinutes(1));
        // Midnight in Berlin: the range is a day further.
        Assert.Equal(lastBefore.PlusDays(1), Dates.RangeAt(Lab, Instant.FromDateTimeOffset(clock.GetUtcNow())).Last);
    }

    [Fact]
    public void A_look_back_of_zero_starts_today_and_one_beyond_the_maximum_is_refused()
    {
        Assert.Equal(new LocalDate(2026, 11, 26), new ReadableDates(0).RangeAt(Lab, Now).First);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadableDates(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadableDates(ReadableDates.MaxLookBackDays + 1));
    }

    [Fact]
    public void A_span_must_end_by_the_last_readable_date()
    {
        Assert.Null(Dates.CheckSpan(Lab, new LocalDate(2026, 11, 26), 15, Now));
        Assert.Equal("16 days from 2026-11-26 end after 2026-12-10, the last date calendar lab can be read for",
            Dates.CheckSpan(Lab, new LocalDate(2026, 11, 26), 16, Now));
        // Near the end of the calendar's range: counted in days, no overflow.
        Assert.NotNull(Dates.CheckSpan(Lab, new LocalDate(9999, 12, 30), 5, Now));
    }
}
