using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Catalog;

/// <summary>An admin's new calendar; unchecked, as configuration is.</summary>
public sealed record CreateCalendar(CalendarSpec Spec);

/// <summary>An admin's change: the non-null fields of <paramref name="Changes"/> replace the calendar's (its id is not read).</summary>
public sealed record UpdateCalendar(string Id, CalendarSpec Changes);

public sealed record RetireCalendar(string Id);

/// <summary>
/// The answer to an accepted change, once it is stored and in the registry of the node that runs the catalog (the
/// other nodes' follow through pub-sub): the calendar as it is now.
/// </summary>
public sealed record CalendarChanged(CalendarDefinition Calendar);

/// <summary>The answer to a refused change; nothing was stored and the registry is as it was.</summary>
public sealed record CalendarChangeRefused(CatalogRefusal Refusal);

/// <summary>Answered with <see cref="CatalogReady"/> once the catalog has recovered and stored the configured calendars new to it.</summary>
public sealed record WhenCatalogReady
{
    public static WhenCatalogReady Instance { get; } = new();
    private WhenCatalogReady() { }
}

public sealed record CatalogReady
{
    public static CatalogReady Instance { get; } = new();
    private CatalogReady() { }
}

/// <summary>Answered with the catalog's <see cref="CalendarCatalogState"/> (for tests and diagnostics).</summary>
public sealed record GetCatalogState
{
    public static GetCatalogState Instance { get; } = new();
    private GetCatalogState() { }
}

/// <summary>Reads one day of a dated calendar (through the HTTP routes' BoardReader): how the catalog finds bookings.</summary>
public delegate Task<BoardView> ReadDay(string calendarId, LocalDate date, CancellationToken cancellationToken);
