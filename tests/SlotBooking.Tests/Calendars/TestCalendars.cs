using NodaTime;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Tests.Calendars;

/// <summary>Calendars built straight from known zones, so that each test states the one rule it is about.</summary>
internal static class TestCalendars
{
    public static CalendarDefinition In(string zoneId, int firstHour = 0, int lastHour = 23, int horizonDays = 14, int minNoticeMinutes = 0) =>
        new("lab", "Robotics lab", DateTimeZoneProviders.Tzdb[zoneId], firstHour, lastHour, horizonDays, minNoticeMinutes);

    public static Instant Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        Instant.FromUtc(year, month, day, hour, minute, second);
}
