using NodaTime;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Calendars;

/// <summary>
/// When a dated slot may be booked or cancelled, as a pure function of the calendar, the slot and the time.
/// Whether it is free or booked is the slot's own decision, made after this one.
/// </summary>
public static class BookingWindow
{
    /// <summary>
    /// A booking needs a date from today (in the calendar's zone) to today + horizon, an hour that exists that day,
    /// and a start at least the minimum notice after <paramref name="now"/>; a slot starting exactly now has started.
    /// A cancellation needs only a slot that has not started and is within the longest horizon a calendar may have:
    /// the horizon and notice guard new bookings, and a booking made before they were tightened can still be let go.
    /// </summary>
    public static BookingWindowVerdict Check(
        CalendarDefinition calendar, LocalDate date, int hour, SlotCommandKind kind, Instant now)
    {
        if (!calendar.Dated)
            throw new ArgumentException($"Calendar '{calendar.Id}' is undated; its slots have no booking window", nameof(calendar));
        if (kind == SlotCommandKind.Book && calendar.Retired)
            return Refuse(BookingWindowOutcome.Retired, CalendarMessages.Retired(calendar));
        if (!calendar.HasHour(hour))
            return Refuse(BookingWindowOutcome.NoSuchHour, CalendarMessages.NoSuchHour(hour, calendar));

        var today = calendar.Today(now);
        if (date < today)
            return Refuse(BookingWindowOutcome.Past, CalendarMessages.Past(hour, date));
        // Counted in days rather than by adding the horizon to today, which cannot overflow the calendar's range.
        if (kind == SlotCommandKind.Book && Period.DaysBetween(today, date) > calendar.HorizonDays)
            return Refuse(BookingWindowOutcome.BeyondHorizon, CalendarMessages.BeyondHorizon(hour, date, calendar.HorizonDays));
        // No horizon is longer than the longest allowed, so nothing beyond it was ever booked: nothing to cancel.
        if (Period.DaysBetween(today, date) > CalendarDefinition.MaxHorizonDays)
            return Refuse(BookingWindowOutcome.BeyondHorizon, CalendarMessages.BeyondHorizon(hour, date, CalendarDefinition.MaxHorizonDays));

        if (SlotTimes.Of(calendar, date, hour) is not { } slot)
            return Refuse(BookingWindowOutcome.SkippedHour, CalendarMessages.SkippedHour(hour, date));

        return kind switch
        {
            SlotCommandKind.Book when slot.HasStarted(now) =>
                Refuse(BookingWindowOutcome.Past, CalendarMessages.Past(hour, date)),
            SlotCommandKind.Book when slot.StartsAt - now < Duration.FromMinutes(calendar.MinNoticeMinutes) =>
                Refuse(BookingWindowOutcome.InsideNotice, CalendarMessages.InsideNotice(hour, date, calendar.MinNoticeMinutes)),
            SlotCommandKind.Cancel when slot.HasStarted(now) =>
                Refuse(BookingWindowOutcome.Started, CalendarMessages.Started(hour, date)),
            SlotCommandKind.Book or SlotCommandKind.Cancel => BookingWindowVerdict.Allowed,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown command kind"),
        };
    }

    private static BookingWindowVerdict Refuse(BookingWindowOutcome outcome, string message) => new(outcome, message);
}
