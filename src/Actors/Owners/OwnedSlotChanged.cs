using NodaTime;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// A stored change to a slot that someone owns or owned: published on the event stream by the slot once the event is
/// stored, for the owners' "my bookings" read models, and relayed to every node (<see cref="OwnedSlotRelay"/>).
/// <see cref="BookedAt"/> is null when the booking ended (cancelled). <see cref="PersistenceId"/> and <see cref="SequenceNr"/> order changes per slot, so a read model that
/// also replays the journal keeps the newest whatever order the two arrive in.
/// </summary>
public sealed record OwnedSlotChanged(
    string Owner,
    string PersistenceId,
    long SequenceNr,
    string CalendarId,
    LocalDate? Date,
    int SlotId,
    DateTimeOffset? BookedAt);
