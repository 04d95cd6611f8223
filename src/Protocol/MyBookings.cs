namespace SlotBooking.Protocol;

/// <summary>
/// One booking in a <c>my_bookings</c> frame:
/// <c>{"calendar":"lab","date":"2026-11-26","slot_id":9,"starts_at":"...","ends_at":"...","booked_at":"..."}</c>.
/// A booking of the default (undated) calendar has <c>"calendar":"default"</c> and <c>date</c>, <c>starts_at</c> and
/// <c>ends_at</c> null: it has no date, and lasts until it is cancelled.
/// </summary>
public sealed record MyBooking(
    string Calendar,
    DateOnly? Date,
    int SlotId,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset BookedAt);

/// <summary>
/// One booking in <c>GET /my-bookings</c>: the shape of the seed's later version
/// (<c>id</c>, <c>start_time</c>, <c>end_time</c>, <c>booked_at</c>; times are the calendar's local wall-clock hours)
/// plus the fields of <see cref="MyBooking"/>.
/// </summary>
public sealed record MyBookingItem(
    int Id,
    string StartTime,
    string EndTime,
    DateTimeOffset BookedAt,
    string Calendar,
    DateOnly? Date,
    int SlotId,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt);

/// <summary><c>GET</c> and <c>POST /my-bookings</c>: the caller's current and future bookings.</summary>
public sealed record MyBookingsResponse(bool Success, IReadOnlyList<MyBookingItem> Bookings, int TotalBookings);
