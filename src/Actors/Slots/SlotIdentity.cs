using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Slots;

/// <summary>
/// Who a slot actor is: the hour it books (its slot id), the persistence id its events are journaled under, and, for a
/// dated calendar's slot, the calendar and date whose booking window it enforces. The default calendar's slots keep
/// the ids <c>slot-{hour}</c> that every journal so far was written with.
/// </summary>
public sealed record SlotIdentity(int SlotId, string PersistenceId, CalendarDefinition? Calendar, LocalDate? Date)
{
    /// <summary>The board the slot belongs to, which it reports its state to.</summary>
    public BoardKey Board => Calendar is { } calendar && Date is { } date ? new BoardKey(calendar.Id, date) : BoardKey.Default;

    /// <summary>
    /// The identity of the slot whose sharded entity id (its persistence id) is <paramref name="entityId"/>, with its
    /// calendar as <paramref name="findCalendar"/> holds it; null for an id no slot has, or a dated slot of an unknown calendar.
    /// </summary>
    public static SlotIdentity? FromEntityId(string entityId, Func<string, CalendarDefinition?> findCalendar)
    {
        if (!TryParse(entityId, out var address)) return null;
        if (address.Date is not { } date) return OfDefault(address.SlotId);
        return findCalendar(address.CalendarId) is { Dated: true } calendar ? OfDated(calendar, date, address.SlotId) : null;
    }

    public static SlotIdentity OfDefault(int slotId) =>
        new(slotId, string.Create(CultureInfo.InvariantCulture, $"slot-{slotId}"), null, null);

    /// <summary><c>slot-{calendar}-{YYYY-MM-DD}-{hour}</c>: calendar ids are <c>a-z0-9-</c>, so the date and hour stay readable at the end.</summary>
    public static SlotIdentity OfDated(CalendarDefinition calendar, LocalDate date, int hour)
    {
        if (!calendar.Dated) throw new ArgumentException($"Calendar '{calendar.Id}' is undated; its slots use OfDefault", nameof(calendar));
        var id = string.Create(CultureInfo.InvariantCulture, $"slot-{calendar.Id}-{LocalDatePattern.Iso.Format(date)}-{hour}");
        return new SlotIdentity(hour, id, calendar, date);
    }

    /// <summary>
    /// Reads a persistence id made by <see cref="OfDefault"/> or <see cref="OfDated"/> back into its slot's address;
    /// false for anything else. Calendar ids may hold '-', so the date and hour are read from the end.
    /// </summary>
    public static bool TryParse(string persistenceId, [NotNullWhen(true)] out SlotAddress? address)
    {
        address = null;
        const string prefix = "slot-";
        if (!persistenceId.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = persistenceId.AsSpan(prefix.Length);
        // Digits only (NumberStyles.None): no sign, no spaces.
        if (int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var slotId))
        {
            address = new SlotAddress(CalendarDefinition.DefaultId, null, slotId);
            return true;
        }

        // {calendar}-{YYYY-MM-DD}-{hour}
        var lastDash = rest.LastIndexOf('-');
        if (lastDash < 0 || !int.TryParse(rest[(lastDash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23)
            return false;
        var beforeHour = rest[..lastDash];
        const int dateLength = 10;
        if (beforeHour.Length < dateLength + 2 || beforeHour[^(dateLength + 1)] != '-') return false;
        var date = LocalDatePattern.Iso.Parse(beforeHour[^dateLength..].ToString());
        if (!date.Success) return false;
        var calendarId = beforeHour[..^(dateLength + 1)].ToString();
        if (calendarId == CalendarDefinition.DefaultId) return false;
        address = new SlotAddress(calendarId, date.Value, hour);
        return true;
    }
}
