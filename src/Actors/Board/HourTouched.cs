namespace SlotBooking.Actors.Board;

/// <summary>
/// A day's journaled index entry: the slot of this hour may have stored events. Written before the hour's first
/// command reaches its slot, so a day whose journal has none of these is known to be free without waking a slot.
/// </summary>
public sealed record HourTouched(int Hour);
