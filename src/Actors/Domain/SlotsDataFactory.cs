using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Domain;

/// <summary>Maps slot states to the wire's <see cref="SlotsData"/>.</summary>
public static class SlotsDataFactory
{
    public static SlotsData From(IReadOnlyList<SlotState> slots)
    {
        var views = new SlotView[slots.Count];
        var available = new List<int>(slots.Count);
        var booked = new List<int>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            var s = slots[i];
            views[i] = new SlotView(s.SlotId, SlotRange.StartTimeOf(s.SlotId), SlotRange.EndTimeOf(s.SlotId), s.IsBooked, s.BookedAt);
            (s.IsBooked ? booked : available).Add(s.SlotId);
        }
        return new SlotsData(views, available, booked);
    }

    /// <summary>
    /// One date of a dated calendar: the slots that exist that day (a skipped hour is not listed), each with its true
    /// UTC start and end; start_time and end_time stay the local wall-clock hours.
    /// </summary>
    public static SlotsData FromDay(CalendarDefinition calendar, LocalDate date, IReadOnlyList<SlotState> slots)
    {
        var states = slots.ToDictionary(s => s.SlotId);
        var day = SlotTimes.Day(calendar, date);
        var views = new SlotView[day.Count];
        var available = new List<int>(day.Count);
        var booked = new List<int>(day.Count);
        for (var i = 0; i < day.Count; i++)
        {
            var slot = day[i];
            var state = states.GetValueOrDefault(slot.Hour) ?? SlotState.Free(slot.Hour);
            views[i] = new SlotView(slot.Hour, SlotRange.StartTimeOf(slot.Hour), SlotRange.EndTimeOf(slot.Hour), state.IsBooked, state.BookedAt)
            {
                StartsAt = slot.StartsAt.ToDateTimeOffset(),
                EndsAt = slot.EndsAt.ToDateTimeOffset(),
            };
            (state.IsBooked ? booked : available).Add(slot.Hour);
        }
        return new SlotsData(views, available, booked);
    }
}
