using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Catalog;

/// <summary>
/// A stored change of the calendar catalog. Events hold plain values only (a zone by its IANA id, the access by its
/// name), never NodaTime objects, so that the journal outlives this code's types.
/// </summary>
public interface ICalendarEvent
{
    string Id { get; }
}

/// <summary>A calendar came to be: configured (on the first start that saw it) or created by an admin.</summary>
public sealed record CalendarCreated(
    string Id, string Name, string TimeZone, int FirstHour, int LastHour, int HorizonDays, int MinNoticeMinutes, string Access)
    : ICalendarEvent
{
    public static CalendarCreated Of(CalendarDefinition c) =>
        new(c.Id, c.Name, c.TimeZoneId, c.FirstHour, c.LastHour, c.HorizonDays, c.MinNoticeMinutes, CalendarAccessNames.Of(c.Access));
}

/// <summary>A calendar's changeable fields, all of them as they are after the change; the zone never changes.</summary>
public sealed record CalendarUpdated(
    string Id, string Name, int FirstHour, int LastHour, int HorizonDays, int MinNoticeMinutes, string Access)
    : ICalendarEvent
{
    public static CalendarUpdated Of(CalendarDefinition c) =>
        new(c.Id, c.Name, c.FirstHour, c.LastHour, c.HorizonDays, c.MinNoticeMinutes, CalendarAccessNames.Of(c.Access));
}

/// <summary>A calendar stops taking bookings; its days keep their history. Its id is never reused.</summary>
public sealed record CalendarRetired(string Id) : ICalendarEvent;
