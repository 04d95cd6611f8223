using System.Text.Json.Serialization;

namespace SlotBooking.Protocol;

/// <summary>
/// The body of <c>POST /book-slot</c> and <c>POST /cancel-slot</c>, as the later seed version has it (<c>slot_id</c>),
/// plus the optional <c>calendar</c> and <c>date</c> of a dated calendar. Its <c>token</c> field, if sent, is ignored:
/// the bearer header is what counts.
/// </summary>
public sealed record SlotCommandBody(int? SlotId, string? Calendar, string? Date);

/// <summary>
/// The answer of <c>POST /book-slot</c> and <c>POST /cancel-slot</c> on success: the later seed version's shape, plus
/// <c>calendar</c> and <c>date</c> when the request named them.
/// </summary>
public sealed record SlotCommandResponse(
    bool Success,
    string Message,
    int SlotId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Calendar = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Date = null);

/// <summary>One booked slot with its owner, for admins (<c>GET /calendars/{id}/bookings</c>); <c>booked_by</c> is null for an anonymous booking.</summary>
public sealed record CalendarBooking(int SlotId, DateTimeOffset? StartsAt, DateTimeOffset BookedAt, string? BookedBy);

/// <summary><c>GET /calendars/{id}/bookings?date=</c>: who booked what on one board.</summary>
public sealed record CalendarBookingsResponse(string Calendar, DateOnly? Date, IReadOnlyList<CalendarBooking> Bookings);
