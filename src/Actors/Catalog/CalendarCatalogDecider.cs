using NodaTime;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Catalog;

/// <summary>
/// The catalog's rules as pure functions of its state: what an admin's create, update or retire becomes, which
/// configured calendars are new to the journal, and which bookings a change of hours would strand. Time is passed in.
/// </summary>
public static class CalendarCatalogDecider
{
    private static readonly IReadOnlySet<string> NoIds = new HashSet<string>();

    /// <summary>
    /// A new calendar, checked field by field as configuration is (errors keyed by field alone). An id the catalog
    /// knows is taken even when retired, so that the old calendar's days and bookings never meet a new one's.
    /// </summary>
    public static CatalogDecision Create(CalendarCatalogState state, CalendarSpec spec)
    {
        var validation = CalendarValidator.ValidateOne(spec, "", NoIds);
        if (!validation.IsValid) return Invalid(validation.Errors);
        var calendar = validation.Calendars[0];
        if (state.Find(calendar.Id) is { } existing)
        {
            return CatalogDecision.Refuse(CatalogRefusalKind.Exists, existing.Retired
                ? $"Calendar {calendar.Id} exists (retired); a retired calendar's id is not reused"
                : $"Calendar {calendar.Id} already exists");
        }
        return CatalogDecision.Accept(CalendarCreated.Of(calendar), calendar);
    }

    /// <summary>
    /// <paramref name="changes"/> over the calendar's current values: a null field stays as it is. The zone cannot
    /// change (every stored day and slot key is a date in it); giving the same zone is allowed. Whether removed hours
    /// still have bookings is checked afterwards, by reading the days (see <see cref="StillToCome"/>).
    /// </summary>
    public static CatalogDecision Update(CalendarCatalogState state, string id, CalendarSpec changes)
    {
        if (Refusal(state, id) is { } refusal) return refusal;
        var current = state.Find(id)!;
        if (current.Retired) return CatalogDecision.Refuse(CatalogRefusalKind.Retired, $"Calendar {id} is retired and cannot be changed");
        if (changes.TimeZone is { } zone && zone != current.TimeZoneId)
            return Invalid([new("TimeZone", $"the time zone cannot change (calendar {id} is in {current.TimeZoneId}); create a new calendar instead")]);

        var merged = new CalendarSpec(
            id,
            changes.Name ?? current.Name,
            current.TimeZoneId,
            changes.FirstHour ?? current.FirstHour,
            changes.LastHour ?? current.LastHour,
            changes.HorizonDays ?? current.HorizonDays,
            changes.MinNoticeMinutes ?? current.MinNoticeMinutes,
            changes.Access ?? CalendarAccessNames.Of(current.Access));
        var validation = CalendarValidator.ValidateOne(merged, "", NoIds);
        if (!validation.IsValid) return Invalid(validation.Errors);
        var updated = validation.Calendars[0];
        var @event = updated == current ? null : CalendarUpdated.Of(updated);
        return CatalogDecision.Accept(@event, updated) with { Previous = current };
    }

    /// <summary>Retiring is final; retiring a retired calendar again changes nothing and is no error.</summary>
    public static CatalogDecision Retire(CalendarCatalogState state, string id)
    {
        if (Refusal(state, id) is { } refusal) return refusal;
        var current = state.Find(id)!;
        return current.Retired
            ? CatalogDecision.Accept(null, current)
            : CatalogDecision.Accept(new CalendarRetired(id), current with { Retired = true });
    }

    /// <summary>
    /// The configured calendars the journal has never seen, to be stored as created. One it knows keeps its stored
    /// state, whatever the configuration says now: admin changes win over the file they started from.
    /// </summary>
    public static IReadOnlyList<CalendarCreated> Seed(CalendarCatalogState state, IEnumerable<CalendarDefinition> configured) =>
        configured.Where(c => state.Find(c.Id) is null).Select(CalendarCreated.Of).ToArray();

    /// <summary>The hours <paramref name="before"/> has and <paramref name="after"/> does not, in order.</summary>
    public static IReadOnlyList<int> RemovedHours(CalendarDefinition before, CalendarDefinition after) =>
        Enumerable.Range(before.FirstHour, before.LastHour - before.FirstHour + 1).Where(h => !after.HasHour(h)).ToArray();

    /// <summary>
    /// The dates that can hold a booking still to come: today in the calendar's zone up to today + the largest horizon
    /// it ever had (a booking made under a longer horizon stays when the horizon shrinks).
    /// </summary>
    public static IReadOnlyList<LocalDate> DaysToCheck(CalendarDefinition calendar, int largestHorizon, Instant now)
    {
        var today = calendar.Today(now);
        return Enumerable.Range(0, Math.Max(largestHorizon, calendar.HorizonDays) + 1).Select(today.PlusDays).ToArray();
    }

    /// <summary>
    /// The bookings of <paramref name="date"/> that removing <paramref name="removedHours"/> would strand: booked, in a
    /// removed hour, and not yet ended at <paramref name="now"/> (a slot under way counts; one that has ended does not).
    /// </summary>
    public static IEnumerable<BookedHour> StillToCome(
        CalendarDefinition calendar, LocalDate date, IEnumerable<int> bookedHours, IReadOnlyCollection<int> removedHours, Instant now) =>
        bookedHours
            .Where(hour => removedHours.Contains(hour) && SlotTimes.Of(calendar, date, hour) is { } slot && slot.EndsAt > now)
            .Select(hour => new BookedHour(date, hour));

    private static CatalogDecision? Refusal(CalendarCatalogState state, string id)
    {
        if (id == CalendarDefinition.DefaultId)
        {
            return CatalogDecision.Refuse(CatalogRefusalKind.DefaultCalendar,
                "The default calendar is configured (SlotBooking:FirstSlot, SlotBooking:LastSlot, SlotBooking:DefaultCalendarAccess); it cannot be changed or retired here");
        }
        return state.Find(id) is null ? CatalogDecision.Refuse(CatalogRefusalKind.NotFound, $"Unknown calendar: {id}") : null;
    }

    private static CatalogDecision Invalid(IReadOnlyList<CalendarConfigError> errors) =>
        new(null, null, new CatalogRefusal(CatalogRefusalKind.Invalid, string.Join("; ", errors)) { Errors = errors });
}
