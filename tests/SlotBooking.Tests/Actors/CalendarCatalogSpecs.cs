using System.Text;
using Akka.Actor;
using Akka.Serialization;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Serialization;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// The calendar catalog on a real SQLite journal: changes reach the registry once stored, a new incarnation recovers
/// them, configured calendars are seeded once, and a change of hours never strands a booking still to come.
/// </summary>
public sealed class CalendarCatalogSpecs : IDisposable
{
    private static readonly CalendarDefinition Lab = LabDay.Lab;
    private static readonly LocalDate Thursday = LabDay.Thursday;
    // 08:30 in Berlin on Thursday 2026-11-26.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 7, 30, 0, TimeSpan.Zero));

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static CalendarSpec Gym(string id = "gym") => new(id, "Gym", "Europe/Berlin", 6, 22, HorizonDays: 30, Access: "open");

    private static CalendarSpec Changes(string? name = null, int? last = null, int? horizon = null) =>
        new(null, name, null, null, last, horizon);

    private static Task<BoardView> NoBookings(string calendarId, LocalDate date, CancellationToken ct) =>
        Task.FromResult(DayWith());

    private static BoardView DayWith(params int[] bookedHours) =>
        new(true, [.. bookedHours.Select(h => SlotState.Free(h) with { BookedAt = DateTimeOffset.UnixEpoch })], 0, SlotVersions.None);

    private static (IActorRef Catalog, CalendarRegistry Registry) Start(
        PersistentSystem system, IReadOnlyList<CalendarDefinition> configured, ReadDay? readDay = null)
    {
        var registry = new CalendarRegistry(CalendarDefinition.Default(3, 14), configured);
        var catalog = system.System.ActorOf(
            CalendarCatalog.Props(new CatalogMirror(registry), configured, readDay ?? NoBookings, Clock, system.Kit.CreateTestProbe().Ref,
                mediator: ActorRefs.Nobody), "calendar-catalog");
        catalog.Tell(WhenCatalogReady.Instance, system.Kit.TestActor);
        system.Kit.ExpectMsg<CatalogReady>();
        return (catalog, registry);
    }

    private static CalendarDefinition Changed(PersistentSystem system, IActorRef catalog, object change)
    {
        catalog.Tell(change, system.Kit.TestActor);
        return system.Kit.ExpectMsg<CalendarChanged>().Calendar;
    }

    private static CatalogRefusal Refused(PersistentSystem system, IActorRef catalog, object change)
    {
        catalog.Tell(change, system.Kit.TestActor);
        return system.Kit.ExpectMsg<CalendarChangeRefused>().Refusal;
    }

    [Fact]
    public void Creates_updates_and_retires_into_the_registry_and_a_new_incarnation_recovers_all_of_it()
    {
        using (var system = PersistentSystem.Start(_database.Path))
        {
            var (catalog, registry) = Start(system, []);

            var gym = Changed(system, catalog, new CreateCalendar(Gym()));
            Assert.Equal(("gym", CalendarAccess.Open), (gym.Id, gym.Access));
            Assert.Same(gym, registry.Find("gym"));

            Changed(system, catalog, new UpdateCalendar("gym", Changes(name: "Big gym", horizon: 7)));
            Assert.Equal(("Big gym", 7), (registry.Find("gym")!.Name, registry.Find("gym")!.HorizonDays));
            Assert.True(Changed(system, catalog, new RetireCalendar("gym")).Retired);
            Assert.True(registry.Find("gym")!.Retired);
            Changed(system, catalog, new CreateCalendar(Gym("pool")));
            Assert.Equal(CatalogRefusalKind.Exists, Refused(system, catalog, new CreateCalendar(Gym())).Kind);
        }

        using (var system = PersistentSystem.Start(_database.Path))
        {
            var (catalog, registry) = Start(system, []);

            Assert.Equal(["default", "gym", "pool"], registry.All.Select(c => c.Id));
            var gym = registry.Find("gym")!;
            Assert.Equal(("Big gym", "Europe/Berlin", 6, 22, 7, CalendarAccess.Open, true),
                (gym.Name, gym.TimeZoneId, gym.FirstHour, gym.LastHour, gym.HorizonDays, gym.Access, gym.Retired));
            catalog.Tell(GetCatalogState.Instance, system.Kit.TestActor);
            Assert.Equal(30, system.Kit.ExpectMsg<CalendarCatalogState>().LargestHorizon("gym"));
        }
    }

    [Fact]
    public void Configured_calendars_new_to_the_journal_are_stored_and_known_ones_keep_their_stored_state()
    {
        using (var system = PersistentSystem.Start(_database.Path))
        {
            var (catalog, registry) = Start(system, [Lab]);
            Assert.Equal(Lab, registry.Find("lab"));
            Changed(system, catalog, new UpdateCalendar("lab", Changes(last: 17)));
        }

        var room = Lab with { Id = "room", Name = "Room" };
        using (var system = PersistentSystem.Start(_database.Path))
        {
            // The configuration still says 8-19 for lab; the admin's 8-17 wins. Room is new: it is stored.
            var (_, registry) = Start(system, [Lab, room]);
            Assert.Equal(["default", "lab", "room"], registry.All.Select(c => c.Id));
            Assert.Equal(17, registry.Find("lab")!.LastHour);
            Assert.Equal(room, registry.Find("room"));
        }

        using (var system = PersistentSystem.Start(_database.Path))
        {
            // Both are in the journal now: configuration no longer needed for either.
            var (_, registry) = Start(system, []);
            Assert.Equal(["default", "lab", "room"], registry.All.Select(c => c.Id));
        }
    }

    [Fact]
    public void Hours_with_a_booking_still_to_come_are_not_removed_and_the_refusal_names_it()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var (catalog, registry) = Start(system, [Lab], (_, date, _) => Task.FromResult(date == Thursday.PlusDays(3) ? DayWith(12, 19) : DayWith()));

        var refusal = Refused(system, catalog, new UpdateCalendar("lab", Changes(last: 17)));

        Assert.Equal(CatalogRefusalKind.HoursBooked, refusal.Kind);
        Assert.Equal([new BookedHour(Thursday.PlusDays(3), 19)], refusal.Bookings);
        Assert.Contains("2026-11-29 19:00", refusal.Message);
        Assert.Equal(Lab, registry.Find("lab"));
        // Removing an hour nobody booked is made.
        Assert.Equal(9, Changed(system, catalog, new UpdateCalendar("lab", new CalendarSpec(null, null, null, 9, null))).FirstHour);
    }

    [Fact]
    public void A_booking_decided_during_the_check_is_found_after_the_swap_and_the_change_is_undone()
    {
        using var system = PersistentSystem.Start(_database.Path);
        CalendarRegistry? registryOfCatalog = null;
        var readsAfterSwap = 0;
        // Free on the first pass; on the second (the narrower hours already in the registry) hour 19 was booked meanwhile.
        var (catalog, registry) = Start(system, [Lab], (_, date, _) =>
        {
            if (registryOfCatalog!.Find("lab")!.LastHour != 17) return Task.FromResult(DayWith());
            Interlocked.Increment(ref readsAfterSwap);
            return Task.FromResult(date == Thursday ? DayWith(19) : DayWith());
        });
        registryOfCatalog = registry;

        var refusal = Refused(system, catalog, new UpdateCalendar("lab", Changes(last: 17)));

        Assert.Equal([new BookedHour(Thursday, 19)], refusal.Bookings);
        Assert.Equal(15, readsAfterSwap);
        Assert.Equal(Lab, registry.Find("lab"));
    }

    [Fact]
    public void A_check_that_cannot_read_the_days_changes_nothing_and_later_changes_still_work()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var (catalog, registry) = Start(system, [Lab], (_, _, _) => Task.FromException<BoardView>(new TimeoutException("day did not answer")));

        Assert.Equal(CatalogRefusalKind.Unavailable, Refused(system, catalog, new UpdateCalendar("lab", Changes(last: 17))).Kind);
        Assert.Equal(Lab, registry.Find("lab"));
        Assert.Equal("Lab 2", Changed(system, catalog, new UpdateCalendar("lab", Changes(name: "Lab 2"))).Name);
    }

    [Fact]
    public void Its_stop_message_lets_a_write_in_flight_finish_and_be_answered()
    {
        using (var system = PersistentSystem.Start(_database.Path))
        {
            var (catalog, _) = Start(system, []);
            system.Kit.Watch(catalog);

            // The stop arrives while the create is being written (the hand-over of a singleton, or a final stop).
            catalog.Tell(new CreateCalendar(Gym()), system.Kit.TestActor);
            catalog.Tell(StopCatalog.Instance);

            Assert.Equal("gym", system.Kit.ExpectMsg<CalendarChanged>().Calendar.Id);
            system.Kit.ExpectTerminated(catalog);
        }

        using (var system = PersistentSystem.Start(_database.Path))
        {
            var (_, registry) = Start(system, []);
            Assert.Equal(["default", "gym"], registry.All.Select(c => c.Id));
        }
    }

    [Fact]
    public void Stopped_during_a_check_of_hours_it_refuses_the_change_and_withdraws_the_pending_hours()
    {
        using var system = PersistentSystem.Start(_database.Path);
        CalendarRegistry? registryOfCatalog = null;
        var secondPass = new TaskCompletionSource<BoardView>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first pass finds nothing; the second (the narrower hours already in the registry) does not finish.
        var (catalog, registry) = Start(system, [Lab], (_, _, _) =>
            registryOfCatalog!.Find("lab")!.LastHour == 17 ? secondPass.Task : Task.FromResult(DayWith()));
        registryOfCatalog = registry;
        system.Kit.Watch(catalog);

        catalog.Tell(new UpdateCalendar("lab", Changes(last: 17)), system.Kit.TestActor);
        system.Kit.AwaitAssert(() => Assert.Equal(17, registry.Find("lab")!.LastHour));
        catalog.Tell(StopCatalog.Instance);

        Assert.Equal(CatalogRefusalKind.Unavailable, system.Kit.ExpectMsg<CalendarChangeRefused>().Refusal.Kind);
        system.Kit.ExpectTerminated(catalog);
        Assert.Equal(Lab, registry.Find("lab"));
        secondPass.SetResult(DayWith());
    }

    [Fact]
    public void Events_are_stored_by_the_calendar_serializer_as_snake_case_json_under_versioned_manifests()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var created = new CalendarCreated("gym", "Gym", "Europe/Berlin", 6, 22, 30, 15, "open");
        ICalendarEvent[] events = [created, CalendarUpdated.Of(Lab), new CalendarRetired("gym")];

        foreach (var @event in events)
        {
            var serializer = (SerializerWithStringManifest)system.System.Serialization.FindSerializerFor(@event);
            Assert.Equal(CalendarEventSerializer.Id, serializer.Identifier);
            var manifest = serializer.Manifest(@event);
            Assert.Equal(@event, serializer.FromBinary(serializer.ToBinary(@event), manifest));
        }
        var stored = (SerializerWithStringManifest)system.System.Serialization.FindSerializerFor(created);
        Assert.Equal("calendar-created/v1", stored.Manifest(created));
        Assert.Equal(
            """{"id":"gym","name":"Gym","time_zone":"Europe/Berlin","first_hour":6,"last_hour":22,"horizon_days":30,"min_notice_minutes":15,"access":"open"}""",
            Encoding.UTF8.GetString(stored.ToBinary(created)));
    }
}
