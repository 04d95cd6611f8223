using NodaTime;

namespace SlotBooking.Actors.Calendars;

/// <summary>
/// The dates whose slots may be read, checked where a date is parsed, before any actor sees it: from
/// <see cref="LookBackDays"/> before today (in the calendar's zone) to the calendar's horizon after it, both included.
/// A read outside it is refused; writes are judged by the booking window (<see cref="BookingWindow"/>) instead.
/// </summary>
public sealed record ReadableDates
{
    public const int DefaultLookBackDays = 366;

    /// <summary>Ten years, as the longest horizon: enough history for any client, and far from the calendar's own limits.</summary>
    public const int MaxLookBackDays = CalendarDefinition.MaxHorizonDays;

    public ReadableDates(int lookBackDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lookBackDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lookBackDays, MaxLookBackDays);
        LookBackDays = lookBackDays;
    }

    public static ReadableDates Default { get; } = new(DefaultLookBackDays);

    public int LookBackDays { get; }

    /// <summary>The first and last readable dates of <paramref name="calendar"/> at <paramref name="now"/>.</summary>
    public (LocalDate First, LocalDate Last) RangeAt(CalendarDefinition calendar, Instant now)
    {
        var today = calendar.Today(now);
        return (today.PlusDays(-LookBackDays), today.PlusDays(calendar.HorizonDays));
    }

    /// <summary>Null when <paramref name="date"/> may be read; else the problem, for the client (the caller names the field).</summary>
    public string? Check(CalendarDefinition calendar, LocalDate date, Instant now)
    {
        var (first, last) = RangeAt(calendar, now);
        return date >= first && date <= last ? null : OutOfRange(calendar, date, first, last);
    }

    /// <summary>
    /// Null when the last of <paramref name="count"/> days from <paramref name="from"/> (itself checked with
    /// <see cref="Check"/>) may be read; else the problem.
    /// </summary>
    public string? CheckSpan(CalendarDefinition calendar, LocalDate from, int count, Instant now)
    {
        var (_, last) = RangeAt(calendar, now);
        // Counted in days, since adding to a date near the end of the calendar's range could overflow.
        return Period.DaysBetween(from, last) >= count - 1
            ? null
            : $"{count} days from {CalendarMessages.Format(from)} end after {CalendarMessages.Format(last)}, the last date calendar {calendar.Id} can be read for";
    }

    private static string OutOfRange(CalendarDefinition calendar, LocalDate date, LocalDate first, LocalDate last) =>
        $"{CalendarMessages.Format(date)} is outside the dates calendar {calendar.Id} can be read for: " +
        $"{CalendarMessages.Format(first)} to {CalendarMessages.Format(last)}";
}
