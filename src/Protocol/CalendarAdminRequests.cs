using System.Text.Json.Serialization;

namespace SlotBooking.Protocol;

/// <summary>
/// <c>POST /calendars</c>: a new dated calendar. <c>horizon_days</c> (default 14), <c>min_notice_minutes</c> (default 0)
/// and <c>access</c> (<c>open</c> or <c>signed_in</c>, the default) may be left out. An unknown field is refused, so a
/// misspelt one is not silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateCalendarRequest(
    string? Id,
    string? Name,
    string? TimeZone,
    int? FirstHour,
    int? LastHour,
    int? HorizonDays,
    int? MinNoticeMinutes,
    string? Access);

/// <summary>
/// <c>PUT /calendars/{id}</c>: the fields to change; a field left out (or null) stays as it is. <c>time_zone</c> may
/// only repeat the calendar's zone, which never changes.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UpdateCalendarRequest(
    string? Name,
    string? TimeZone,
    int? FirstHour,
    int? LastHour,
    int? HorizonDays,
    int? MinNoticeMinutes,
    string? Access);

/// <summary>A booking that keeps an hour from being removed, in the 409 problem of <c>PUT /calendars/{id}</c>.</summary>
public sealed record BookedHourInfo(DateOnly Date, int Hour);
