using SlotBooking.Protocol;

namespace SlotBooking.Actors.Owners;

/// <summary>An owner's current bookings as the wire shows them: the <c>my_bookings</c> frame and the HTTP items.</summary>
public static class MyBookingsViews
{
    public static MyBookingsMessage Message(IReadOnlyList<CurrentBooking> bookings) =>
        new(bookings.Select(b => new MyBooking(
            b.CalendarId, b.Date?.ToDateOnly(), b.SlotId, b.StartsAt?.ToDateTimeOffset(), b.EndsAt?.ToDateTimeOffset(), b.BookedAt)).ToArray());

    /// <summary><c>start_time</c> and <c>end_time</c> are the local wall-clock hours, as in every slot list.</summary>
    public static MyBookingItem Item(CurrentBooking b) =>
        new(b.SlotId, SlotRange.StartTimeOf(b.SlotId), SlotRange.EndTimeOf(b.SlotId), b.BookedAt,
            b.CalendarId, b.Date?.ToDateOnly(), b.SlotId, b.StartsAt?.ToDateTimeOffset(), b.EndsAt?.ToDateTimeOffset());

    public static MyBookingsResponse Response(IReadOnlyList<CurrentBooking> bookings) =>
        new(true, bookings.Select(Item).ToArray(), bookings.Count);
}
