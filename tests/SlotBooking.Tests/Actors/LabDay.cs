using Akka.Actor;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Tests.Actors;

/// <summary>The day the actor specs book: the lab calendar (Berlin, 8-19, open to anonymous bookings) on Thursday 2026-11-26, at 08:30 that morning.</summary>
internal static class LabDay
{
    public static readonly CalendarDefinition Lab =
        new("lab", "Robotics lab", DateTimeZoneProviders.Tzdb["Europe/Berlin"], 8, 19, HorizonDays: 14, MinNoticeMinutes: 0)
        {
            // These specs are about days and slots, not identity: anyone may book, as on the seed's board.
            Access = CalendarAccess.Open,
        };

    public static readonly LocalDate Thursday = new(2026, 11, 26);

    /// <summary>Slot settings on a fake clock at 08:30 in Berlin on that Thursday: slots 8 and earlier have started.</summary>
    public static SlotActorSettings SettingsAtHalfPastEight() =>
        SlotActorSettings.Default with { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 7, 30, 0, TimeSpan.Zero)) };

    /// <summary>The default calendar over slots 3-14, open to all, as the seed's board.</summary>
    public static readonly CalendarDefinition Default = CalendarDefinition.Default(3, 14);

    /// <summary>Installs a registry of the default calendar and <paramref name="lab"/> (the lab by default) in the system, where boards and slots look calendars up.</summary>
    public static CalendarRegistry Install(ActorSystem system, CalendarDefinition? lab = null)
    {
        var registry = new CalendarRegistry(Default, [lab ?? Lab]);
        CalendarLookup.Install(system, registry);
        return registry;
    }
}
