using System.Collections.Immutable;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Days;

/// <summary>The read model of one day as a pure function: what a running day answers, and what an untouched day is.</summary>
public static class DayView
{
    /// <summary>
    /// The day's slots (<paramref name="hours"/>, those that exist that date) with the states reported so far, every
    /// other one free, and each hour's version (0 for one never reported).
    /// </summary>
    public static BoardView Of(
        CalendarDefinition calendar, IReadOnlyList<SlotInterval> hours, IReadOnlyDictionary<int, SlotStateChanged> known, bool isReady, long version)
    {
        var slots = hours.Select(s => known.TryGetValue(s.Hour, out var k) ? k.State : SlotState.Free(s.Hour)).ToImmutableArray();
        var versions = Enumerable.Range(calendar.FirstHour, calendar.LastHour - calendar.FirstHour + 1)
            .Select(hour => known.TryGetValue(hour, out var k) ? k.Version : 0)
            .ToImmutableArray();
        return new BoardView(isReady, slots, null, version, new SlotVersions(calendar.FirstHour, versions));
    }

    /// <summary>A day nobody ever touched: every slot free, at version 0. What its actor would answer, without one.</summary>
    public static BoardView Untouched(CalendarDefinition calendar, LocalDate date) =>
        Of(calendar, SlotTimes.Day(calendar, date), ImmutableDictionary<int, SlotStateChanged>.Empty, isReady: true, version: 0);
}
