namespace SlotBooking.Actors.Owners;

/// <summary>
/// What the owners' projection has read, saved so that a start reads only the journal after it: every booking an owner
/// held (the change that booked it) once the journal up to <see cref="Offset"/> (its ordering) had been folded in, and
/// perhaps some later ones heard live. Reading again from <see cref="Offset"/> replays those later ones, which the
/// sequence-number rule counts once. Ended bookings are left out: anything that could bring one back comes after it.
/// </summary>
public sealed record OwnerIndexSnapshot(long Offset, IReadOnlyList<OwnedSlotChanged> Held);
