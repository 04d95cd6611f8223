namespace SlotBooking.Actors.Owners;

/// <summary>
/// Whoever delivers one owner's <c>my_bookings</c> frames to one connection (a session's outbox). Called directly from
/// the owner's read model, on its thread: it must be thread-safe and must not block.
/// </summary>
public interface IMyBookingsSubscriber
{
    void OfferMyBookings(MyBookingsPayload payload);
}

/// <summary>
/// One serialised <c>my_bookings</c> frame of one owner. <see cref="Version"/> grows with each change of their bookings,
/// so a connection keeps only the newest.
/// </summary>
public sealed record MyBookingsPayload(ReadOnlyMemory<byte> Utf8, long Version);

/// <summary>A signed-in connection wants its owner's <c>my_bookings</c>: now, and after every change.</summary>
public sealed record WatchOwner(string Owner, IMyBookingsSubscriber Subscriber);

/// <summary>The connection has ended.</summary>
public sealed record UnwatchOwner(string Owner, IMyBookingsSubscriber Subscriber);
