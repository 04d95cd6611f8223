namespace SlotBooking.Protocol;

/// <summary>One calendar as <c>GET /calendars</c> shows it; <c>time_zone</c> is an IANA id ("UTC" for the default calendar).</summary>
public sealed record CalendarInfo(
    string Id,
    string Name,
    string TimeZone,
    int FirstHour,
    int LastHour,
    bool Dated,
    int HorizonDays,
    int MinNoticeMinutes);

/// <summary><c>GET /calendars</c>: the default calendar first, then the configured ones in configuration order.</summary>
public sealed record CalendarsResponse(IReadOnlyList<CalendarInfo> Calendars);
