using NodaTime;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Catalog;

/// <summary>Why an admin change was refused; the HTTP routes map each kind to a status.</summary>
public enum CatalogRefusalKind
{
    /// <summary>A field is invalid: <see cref="CatalogRefusal.Errors"/> names each (400).</summary>
    Invalid,
    /// <summary>The id is taken, by a live or a retired calendar (409).</summary>
    Exists,
    NotFound,
    /// <summary>The default calendar is configured, never edited or retired (400).</summary>
    DefaultCalendar,
    /// <summary>A retired calendar is not edited (409).</summary>
    Retired,
    /// <summary>The change would remove hours that still have bookings: <see cref="CatalogRefusal.Bookings"/> (409).</summary>
    HoursBooked,
    /// <summary>The bookings could not be read to check a change of hours, or the change could not be stored (503).</summary>
    Unavailable,
}

public sealed record CatalogRefusal(CatalogRefusalKind Kind, string Message)
{
    /// <summary>For <see cref="CatalogRefusalKind.Invalid"/>: each error keyed by its field alone (<c>FirstHour</c>).</summary>
    public IReadOnlyList<CalendarConfigError> Errors { get; init; } = [];

    /// <summary>For <see cref="CatalogRefusalKind.HoursBooked"/>: the bookings in the way, by date and hour.</summary>
    public IReadOnlyList<BookedHour> Bookings { get; init; } = [];
}

/// <summary>A booked slot of a dated calendar, by its date and hour.</summary>
public sealed record BookedHour(LocalDate Date, int Hour);

/// <summary>
/// What the catalog decided: the event to store and the calendar as it will be, or a refusal. An accepted change with
/// no <see cref="Event"/> changes nothing (retiring a retired calendar, an update that repeats the current values).
/// </summary>
public sealed record CatalogDecision(ICalendarEvent? Event, CalendarDefinition? Calendar, CatalogRefusal? Refusal)
{
    /// <summary>For an update: the calendar before it.</summary>
    public CalendarDefinition? Previous { get; init; }

    public static CatalogDecision Accept(ICalendarEvent? @event, CalendarDefinition calendar) => new(@event, calendar, null);

    public static CatalogDecision Refuse(CatalogRefusalKind kind, string message) => new(null, null, new CatalogRefusal(kind, message));
}
