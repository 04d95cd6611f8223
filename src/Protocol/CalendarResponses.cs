namespace SlotBooking.Protocol;

/// <summary>
/// One calendar as <c>GET /calendars</c> shows it (and the admin routes answer); <c>time_zone</c> is an IANA id ("UTC"
/// for the default calendar), <c>access</c> is <c>open</c> or <c>signed_in</c>, and a <c>retired</c> calendar takes no
/// new bookings but keeps its days.
/// </summary>
public sealed record CalendarInfo(
    string Id,
    string Name,
    string TimeZone,
    int FirstHour,
    int LastHour,
    bool Dated,
    int HorizonDays,
    int MinNoticeMinutes,
    string Access,
    bool Retired);

/// <summary>
/// <c>GET /calendars</c>: the default calendar first, then the others in the order they were created (configured
/// ones on the first start that saw them, in configuration order), retired ones included.
/// </summary>
public sealed record CalendarsResponse(IReadOnlyList<CalendarInfo> Calendars);

/// <summary>
/// <c>GET /calendars/{id}/slots</c>: the <c>/slots</c> shape plus the calendar and, for a dated calendar, the date.
/// A dated calendar's slots also carry <c>starts_at</c> and <c>ends_at</c>.
/// </summary>
public sealed record CalendarSlotsResponse(
    IReadOnlyList<SlotView> Slots,
    IReadOnlyList<int> AvailableSlots,
    IReadOnlyList<int> BookedSlots,
    string Calendar,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    DateOnly? Date);

/// <summary>One day of <c>GET /calendars/{id}/availability</c>.</summary>
public sealed record DayAvailability(DateOnly Date, IReadOnlyList<int> AvailableSlots, IReadOnlyList<int> BookedSlots);

/// <summary><c>GET /calendars/{id}/availability?from=YYYY-MM-DD&amp;days=N</c>.</summary>
public sealed record AvailabilityResponse(string Calendar, IReadOnlyList<DayAvailability> Days);
