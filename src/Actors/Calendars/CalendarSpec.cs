namespace SlotBooking.Actors.Calendars;

/// <summary>
/// One calendar as configured, unchecked: the plain values under <c>SlotBooking:Calendars:{n}</c>. A missing value
/// is null, so that the validator can tell "not given" from a given zero. <see cref="Access"/> stays text until checked,
/// so that a bad value is reported with its key rather than by the binder.
/// </summary>
public sealed record CalendarSpec(
    string? Id,
    string? Name,
    string? TimeZone,
    int? FirstHour,
    int? LastHour,
    int? HorizonDays = null,
    int? MinNoticeMinutes = null,
    string? Access = null);
