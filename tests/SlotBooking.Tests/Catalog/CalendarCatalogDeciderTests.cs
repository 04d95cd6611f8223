using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;
using SlotBooking.Tests.Calendars;

namespace SlotBooking.Tests.Catalog;

/// <summary>The catalog's rules without an actor: what a create, update or retire becomes, seeding, and stranded bookings.</summary>
public sealed class CalendarCatalogDeciderTests
{
    private static readonly CalendarDefinition Lab = TestCalendars.In("Europe/Berlin", 8, 19);
    private static readonly CalendarCatalogState WithLab = CalendarCatalogState.Empty.Apply(CalendarCreated.Of(Lab));

    private static CalendarSpec Gym(string id = "gym", string? zone = "Europe/Berlin", int? first = 6, int? last = 22, string? access = null) =>
        new(id, "Gym", zone, first, last, Access: access);

    private static CalendarSpec Changes(string? name = null, string? zone = null, int? first = null, int? last = null, int? horizon = null, string? access = null) =>
        new(null, name, zone, first, last, horizon, null, access);

    [Fact]
    public void A_new_calendar_becomes_a_created_event_with_plain_values()
    {
        var decision = CalendarCatalogDecider.Create(WithLab, Gym(access: "open"));

        Assert.Null(decision.Refusal);
        Assert.Equal(new CalendarCreated("gym", "Gym", "Europe/Berlin", 6, 22, 14, 0, "open"), decision.Event);
        Assert.Equal(CalendarAccess.Open, decision.Calendar!.Access);
        Assert.Equal(CalendarAccess.SignedIn, CalendarCatalogDecider.Create(WithLab, Gym()).Calendar!.Access);
    }

    [Fact]
    public void An_invalid_calendar_names_each_field_and_the_default_id_is_reserved()
    {
        var refusal = CalendarCatalogDecider.Create(WithLab, Gym(zone: "Mars/Base", first: 9, last: 24, access: "public")).Refusal!;

        Assert.Equal(CatalogRefusalKind.Invalid, refusal.Kind);
        Assert.Equal(["TimeZone", "LastHour", "Access"], refusal.Errors.Select(e => e.Key));
        Assert.Equal(["Id"], CalendarCatalogDecider.Create(WithLab, Gym(id: "default")).Refusal!.Errors.Select(e => e.Key));
    }

    [Fact]
    public void An_id_in_use_is_refused_even_once_retired()
    {
        Assert.Equal("Calendar lab already exists", CalendarCatalogDecider.Create(WithLab, Gym(id: "lab")).Refusal!.Message);

        var retired = WithLab.Apply(new CalendarRetired("lab"));
        var refusal = CalendarCatalogDecider.Create(retired, Gym(id: "lab")).Refusal!;
        Assert.Equal(CatalogRefusalKind.Exists, refusal.Kind);
        Assert.Contains("retired", refusal.Message);
    }

    [Fact]
    public void An_update_changes_the_given_fields_and_keeps_the_others()
    {
        var decision = CalendarCatalogDecider.Update(WithLab, "lab", Changes(name: "Lab B", last: 17, access: "Open"));

        Assert.Equal(new CalendarUpdated("lab", "Lab B", 8, 17, 14, 0, "open"), decision.Event);
        Assert.Same(Lab.TimeZone, decision.Calendar!.TimeZone);
        Assert.Equal(Lab, decision.Previous);
    }

    [Fact]
    public void An_update_that_repeats_the_current_values_stores_nothing()
    {
        var decision = CalendarCatalogDecider.Update(WithLab, "lab", Changes(name: "Robotics lab", zone: "Europe/Berlin", first: 8));

        Assert.Null(decision.Refusal);
        Assert.Null(decision.Event);
    }

    [Fact]
    public void The_zone_cannot_change_and_bad_values_name_their_field()
    {
        var zone = CalendarCatalogDecider.Update(WithLab, "lab", Changes(zone: "Europe/London")).Refusal!;
        Assert.Equal(CatalogRefusalKind.Invalid, zone.Kind);
        Assert.Equal("TimeZone", Assert.Single(zone.Errors).Key);

        var hours = CalendarCatalogDecider.Update(WithLab, "lab", Changes(first: 20)).Refusal!;
        Assert.Equal("FirstHour: first hour 20 is after last hour 19", Assert.Single(hours.Errors).ToString());
    }

    [Fact]
    public void The_default_calendar_unknown_ids_and_retired_calendars_are_not_changed()
    {
        Assert.Equal(CatalogRefusalKind.DefaultCalendar, CalendarCatalogDecider.Update(WithLab, "default", Changes(name: "x")).Refusal!.Kind);
        Assert.Equal(CatalogRefusalKind.DefaultCalendar, CalendarCatalogDecider.Retire(WithLab, "default").Refusal!.Kind);
        Assert.Equal(CatalogRefusalKind.NotFound, CalendarCatalogDecider.Update(WithLab, "gym", Changes(name: "x")).Refusal!.Kind);
        Assert.Equal(CatalogRefusalKind.NotFound, CalendarCatalogDecider.Retire(WithLab, "gym").Refusal!.Kind);

        var retired = WithLab.Apply(new CalendarRetired("lab"));
        Assert.Equal(CatalogRefusalKind.Retired, CalendarCatalogDecider.Update(retired, "lab", Changes(name: "x")).Refusal!.Kind);
        Assert.Equal(new CalendarRetired("lab"), CalendarCatalogDecider.Retire(WithLab, "lab").Event);
        var again = CalendarCatalogDecider.Retire(retired, "lab");
        Assert.Null(again.Refusal);
        Assert.Null(again.Event);
    }

    [Fact]
    public void The_state_keeps_the_largest_horizon_a_calendar_ever_had()
    {
        var state = WithLab
            .Apply(new CalendarUpdated("lab", "Lab", 8, 19, 60, 0, "signed_in"))
            .Apply(new CalendarUpdated("lab", "Lab", 8, 19, 7, 0, "signed_in"));

        Assert.Equal(7, state.Find("lab")!.HorizonDays);
        Assert.Equal(60, state.LargestHorizon("lab"));
        var now = Instant.FromUtc(2026, 11, 26, 23, 30); // already the 27th in Berlin
        var days = CalendarCatalogDecider.DaysToCheck(state.Find("lab")!, state.LargestHorizon("lab"), now);
        Assert.Equal(new LocalDate(2026, 11, 27), days[0]);
        Assert.Equal(new LocalDate(2026, 11, 27).PlusDays(60), days[^1]);
    }

    [Fact]
    public void Seeding_stores_only_the_configured_calendars_the_journal_has_not_seen()
    {
        var configuredLab = Lab with { LastHour = 23 };
        var gym = Lab with { Id = "gym" };

        var seeds = CalendarCatalogDecider.Seed(WithLab, [configuredLab, gym]);

        Assert.Equal([CalendarCreated.Of(gym)], seeds);
    }

    [Fact]
    public void Removed_hours_strand_only_bookings_whose_slot_has_not_ended()
    {
        Assert.Equal([8, 9, 18, 19], CalendarCatalogDecider.RemovedHours(Lab, Lab with { FirstHour = 10, LastHour = 17 }));
        Assert.Empty(CalendarCatalogDecider.RemovedHours(Lab, Lab with { FirstHour = 6 }));

        var today = new LocalDate(2026, 11, 26);
        var now = Instant.FromUtc(2026, 11, 26, 8, 30); // 09:30 in Berlin: slot 8 has ended, slot 9 is under way
        var stranded = CalendarCatalogDecider.StillToCome(Lab, today, [8, 9, 12, 18], [8, 9, 18, 19], now);

        Assert.Equal([new BookedHour(today, 9), new BookedHour(today, 18)], stranded);
    }
}
