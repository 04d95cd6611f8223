using NodaTime;

namespace SlotBooking.Actors.Days;

/// <summary>
/// A message for one date of one dated calendar: a slot command (<c>SlotId</c> is the hour), a <c>ReadBoard</c> or a
/// <c>GetBoard</c>. The router reads only the address, so a shard region can take its place the same way.
/// </summary>
public sealed record DayEnvelope(string CalendarId, LocalDate Date, object Message);

/// <summary>The address of one day: a calendar id and a date.</summary>
public readonly record struct DayKey(string CalendarId, LocalDate Date);
