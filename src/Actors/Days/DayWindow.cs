using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Days;

/// <summary>A command to a dated day judged by its calendar's booking window, before anything is started or stored.</summary>
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
}
