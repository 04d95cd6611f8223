using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Slots;

/// <summary>
/// Who a slot actor is: the hour it books (its slot id), the persistence id its events are journaled under, and, for a
/// dated calendar's slot, the calendar and date whose booking window it enforces. The default calendar's slots keep
/// the ids <c>slot-{hour}</c> that every journal so far was written with.
/// </summary>
public sealed record SlotIdentity(int SlotId, string PersistenceId, CalendarDefinition? Calendar, LocalDate? Date)
{
    public static SlotIdentity OfDefault(int slotId) =>
        new(slotId, string.Create(CultureInfo.InvariantCulture, $"slot-{slotId}"), null, null);

    /// <summary><c>slot-{calendar}-{YYYY-MM-DD}-{hour}</c>: calendar ids are <c>a-z0-9-</c>, so the date and hour stay readable at the end.</summary>
    public static SlotIdentity OfDated(CalendarDefinition calendar, LocalDate date, int hour)
    {
        if (!calendar.Dated) throw new ArgumentException($"Calendar '{calendar.Id}' is undated; its slots use OfDefault", nameof(calendar));
        var id = string.Create(CultureInfo.InvariantCulture, $"slot-{calendar.Id}-{LocalDatePattern.Iso.Format(date)}-{hour}");
        return new SlotIdentity(hour, id, calendar, date);
    }
}
