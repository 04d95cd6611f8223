using NodaTime;

namespace SlotBooking.Actors.Calendars;

/// <summary>
/// One dated slot's true span: <see cref="StartsAt"/> inclusive, <see cref="EndsAt"/> exclusive. Instants carry no
/// zone, so they print as UTC; a slot is not always an hour long (the day the clocks go back or forward).
/// </summary>
public sealed record SlotInterval(LocalDate Date, int Hour, Instant StartsAt, Instant EndsAt)
{
    public Duration Length => EndsAt - StartsAt;

    public bool HasStarted(Instant now) => now >= StartsAt;
}
