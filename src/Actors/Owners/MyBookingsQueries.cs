namespace SlotBooking.Actors.Owners;

/// <summary>Asks for one owner's current and future bookings; answered with an <see cref="IMyBookingsReply"/>.</summary>
public sealed record GetMyBookings(string Owner);

/// <summary>The answer to <see cref="GetMyBookings"/>.</summary>
public interface IMyBookingsReply;

/// <summary>The owner's bookings, complete: read from the whole journal and every change since.</summary>
public sealed record MyBookingsRead(IReadOnlyList<CurrentBooking> Bookings, long Version) : IMyBookingsReply;

/// <summary>The journal could not be read: no list is given rather than a partial one. <see cref="Problem"/> says why.</summary>
public sealed record MyBookingsUnavailable(string Problem) : IMyBookingsReply;
