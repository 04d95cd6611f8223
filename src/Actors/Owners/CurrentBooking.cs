using NodaTime;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// One booking an owner holds now: of the default calendar (no date, no times: it lasts until cancelled), or of a
/// dated calendar's slot that has not ended, with its true span from the calendar's zone.
/// </summary>
public sealed record CurrentBooking(string CalendarId, LocalDate? Date, int SlotId, Instant? StartsAt, Instant? EndsAt, DateTimeOffset BookedAt);
