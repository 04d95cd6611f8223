using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Days;

/// <summary>A command to a dated day judged before anything is started or stored: by its calendar's booking window, and on a slot nobody touched.</summary>
public static class DayWindow
{
    /// <summary>Null when the window lets the command through; else its refusal, as the slot would answer it.</summary>
    public static SlotReply? Refusal(CalendarDefinition calendar, LocalDate date, ISlotCommand command, Instant now)
    {
        var kind = SlotCommandResult.KindOf(command);
        var verdict = BookingWindow.Check(calendar, date, command.SlotId, kind, now);
        if (verdict.IsAllowed) return null;
        var outcome = verdict.Outcome == BookingWindowOutcome.NoSuchHour ? SlotOutcome.UnknownSlot : SlotOutcome.OutsideBookingWindow;
        return new SlotReply(command.CorrelationId, new SlotCommandResult(command.SlotId, kind, outcome, verdict.Message!), 0);
    }

    /// <summary>
    /// Null when the command would change a free slot (the state of an hour nobody touched); else its refusal, as the
    /// slot would answer it: a cancel of nothing, a booking without the sign-in its calendar needs.
    /// </summary>
    public static SlotReply? RefusalOnFreeSlot(CalendarDefinition calendar, ISlotCommand command, DateTimeOffset now) =>
        SlotDecider.Decide(SlotState.Free(command.SlotId), command, now, calendar.Access) is { Event: null } refused
            ? new SlotReply(command.CorrelationId, refused.Result, 0)
            : null;
}
