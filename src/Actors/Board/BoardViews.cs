using System.Collections.Immutable;
using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Board;

/// <summary>The read model of one board as a pure function: what a running board answers, and what an untouched day is.</summary>
public static class BoardViews
{
    /// <summary>The hours a board lists: a dated day's that exist that date (not a skipped one), or every hour of an undated calendar.</summary>
    public static IReadOnlyList<int> HoursOf(CalendarDefinition calendar, LocalDate? date) => date is { } day
        ? SlotTimes.Day(calendar, day).Select(s => s.Hour).ToArray()
        : Enumerable.Range(calendar.FirstHour, calendar.LastHour - calendar.FirstHour + 1).ToArray();

    /// <summary>
    /// The board's <paramref name="hours"/> with the states reported so far (<paramref name="known"/>, by hour 0-23),
    /// every other one free, and each of the calendar's hours' stored version (0 for one never reported).
    /// </summary>
    public static BoardView Of(CalendarDefinition calendar, IReadOnlyList<int> hours, IReadOnlyList<SlotStateChanged?> known, bool isReady, long version)
    {
        var slots = ImmutableArray.CreateBuilder<SlotState>(hours.Count);
        foreach (var hour in hours) slots.Add(known[hour]?.State ?? SlotState.Free(hour));
        var versions = ImmutableArray.CreateBuilder<long>(calendar.LastHour - calendar.FirstHour + 1);
        for (var hour = calendar.FirstHour; hour <= calendar.LastHour; hour++) versions.Add(known[hour]?.Version ?? 0);
        return new BoardView(isReady, slots.MoveToImmutable(), version, new SlotVersions(calendar.FirstHour, versions.MoveToImmutable()));
    }

    /// <summary>A day nobody ever touched: every slot free, at version 0. What its actor would answer, without one.</summary>
    public static BoardView Untouched(CalendarDefinition calendar, LocalDate date) =>
        Of(calendar, HoursOf(calendar, date), NoneKnown, isReady: true, version: 0);

    /// <summary>Nothing reported, for each hour of a day.</summary>
    public static IReadOnlyList<SlotStateChanged?> NoneKnown { get; } = new SlotStateChanged?[HoursInDay];

    public const int HoursInDay = 24;
}
