using NodaTime;
using NodaTime.TimeZones;

namespace SlotBooking.Actors.Calendars;

/// <summary>
/// Where a calendar's local hours fall in time. Slot n runs from the first moment the calendar's clock shows n:00 to
/// the first moment it shows n+1:00 (or later, when that hour is skipped). So on the day the clocks go back the
/// repeated hour's slot also covers the repeat, and on the day they go forward the skipped hour has no slot.
/// </summary>
public static class SlotTimes
{
    // Earlier of two readings when the clock goes back; when n+1:00 is skipped, the slot ends at the jump itself.
    private static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>
    /// The first and last dates whose slots have times: a day inside the range of <see cref="DateTimeOffset"/> and of
    /// NodaTime's local date-times, whatever the zone's offset (at most 18 hours). Dates are checked against the much
    /// narrower <see cref="ReadableDates"/> and <see cref="BookingWindow"/> before they get here; these bounds make
    /// sure that a date which slips through has no slots rather than an overflow that kills an actor.
    /// </summary>
    public static readonly LocalDate FirstSupportedDate = new(1, 1, 2);

    /// <inheritdoc cref="FirstSupportedDate"/>
    public static readonly LocalDate LastSupportedDate = new(9999, 12, 30);

    /// <summary>
    /// The span of hour <paramref name="hour"/> (0-23) on <paramref name="date"/> in the calendar's zone, or null when
    /// the clocks skip that hour on that date, or the date is outside <see cref="FirstSupportedDate"/>..<see cref="LastSupportedDate"/>.
    /// The calendar's first and last hours are not checked here.
    /// </summary>
    public static SlotInterval? Of(CalendarDefinition calendar, LocalDate date, int hour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        if (date < FirstSupportedDate || date > LastSupportedDate)
            return null;
        var zone = calendar.TimeZone;
        var localStart = date.At(new LocalTime(hour, 0));
        var start = zone.MapLocal(localStart);
        if (start.Count == 0)
            return null;
        // LocalDateTime arithmetic, so hour 23 ends at the next day's 00:00.
        var end = EndResolver(zone.MapLocal(localStart.PlusHours(1)));
        return new SlotInterval(date, hour, start.First().ToInstant(), end.ToInstant());
    }

    /// <summary>The slots that exist on <paramref name="date"/>: the calendar's hours in order, less any the clocks skip.</summary>
    public static IReadOnlyList<SlotInterval> Day(CalendarDefinition calendar, LocalDate date)
    {
        var slots = new List<SlotInterval>(calendar.LastHour - calendar.FirstHour + 1);
        for (var hour = calendar.FirstHour; hour <= calendar.LastHour; hour++)
        {
            if (Of(calendar, date, hour) is { } slot)
                slots.Add(slot);
        }
        return slots;
    }
}
