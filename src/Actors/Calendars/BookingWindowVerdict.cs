namespace SlotBooking.Actors.Calendars;

public enum BookingWindowOutcome
{
    Allowed,
    /// <summary>The hour is outside the calendar's first..last hours.</summary>
    NoSuchHour,
    /// <summary>The clocks skip the hour on that date.</summary>
    SkippedHour,
    /// <summary>The date is before today, or (booking) the slot has started.</summary>
    Past,
    BeyondHorizon,
    InsideNotice,
    /// <summary>Cancelling a slot that has started.</summary>
    Started,
    /// <summary>Booking on a retired calendar.</summary>
    Retired,
}

/// <summary>Whether a command may reach a dated slot now; <see cref="Message"/> is the client's text when it may not.</summary>
public sealed record BookingWindowVerdict(BookingWindowOutcome Outcome, string? Message)
{
    public static BookingWindowVerdict Allowed { get; } = new(BookingWindowOutcome.Allowed, null);

    public bool IsAllowed => Outcome == BookingWindowOutcome.Allowed;
}
