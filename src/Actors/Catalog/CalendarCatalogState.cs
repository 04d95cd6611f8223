using System.Collections.Immutable;
using NodaTime;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Catalog;

/// <summary>
/// Every calendar the journal knows besides the default one, retired ones included, in the order they were created;
/// and per calendar the largest horizon it ever had, so that a check of its bookings reaches every day one could
/// have been made for. Immutable; <see cref="Apply"/> returns the next state.
/// </summary>
public sealed record CalendarCatalogState(ImmutableList<CalendarDefinition> Calendars, ImmutableDictionary<string, int> LargestHorizons)
{
    public static CalendarCatalogState Empty { get; } =
        new(ImmutableList<CalendarDefinition>.Empty, ImmutableDictionary.Create<string, int>(StringComparer.Ordinal));

    public CalendarDefinition? Find(string id) => Calendars.Find(c => c.Id == id);

    public int LargestHorizon(string id) => LargestHorizons.GetValueOrDefault(id);

    /// <summary>This state with <paramref name="calendar"/> in place of the one with its id (a change not yet stored).</summary>
    public CalendarCatalogState With(CalendarDefinition calendar)
    {
        var index = Calendars.FindIndex(c => c.Id == calendar.Id);
        if (index < 0) throw new InvalidOperationException($"Calendar '{calendar.Id}' is not in the catalog");
        return this with
        {
            Calendars = Calendars.SetItem(index, calendar),
            LargestHorizons = LargestHorizons.SetItem(calendar.Id, Math.Max(LargestHorizon(calendar.Id), calendar.HorizonDays)),
        };
    }

    /// <summary>Stored events are trusted: the catalog decided them against the state they apply to.</summary>
    public CalendarCatalogState Apply(ICalendarEvent @event) => @event switch
    {
        CalendarCreated e => this with
        {
            Calendars = Calendars.Add(new CalendarDefinition(
                e.Id, e.Name, DateTimeZoneProviders.Tzdb[e.TimeZone], e.FirstHour, e.LastHour, e.HorizonDays, e.MinNoticeMinutes)
            {
                Access = CalendarAccessNames.Parse(e.Access),
            }),
            LargestHorizons = LargestHorizons.SetItem(e.Id, Math.Max(LargestHorizon(e.Id), e.HorizonDays)),
        },
        CalendarUpdated e => With(Existing(e.Id) with
        {
            Name = e.Name,
            FirstHour = e.FirstHour,
            LastHour = e.LastHour,
            HorizonDays = e.HorizonDays,
            MinNoticeMinutes = e.MinNoticeMinutes,
            Access = CalendarAccessNames.Parse(e.Access),
        }),
        CalendarRetired e => With(Existing(e.Id) with { Retired = true }),
        _ => throw new ArgumentException($"Unknown calendar event {@event.GetType()}", nameof(@event)),
    };

    private CalendarDefinition Existing(string id) =>
        Find(id) ?? throw new InvalidOperationException($"Calendar '{id}' is not in the catalog");
}
