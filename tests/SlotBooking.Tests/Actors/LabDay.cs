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
}
