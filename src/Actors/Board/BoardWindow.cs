using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Board;

/// <summary>A command to a board judged before anything is started or stored: by its calendar's hours and booking window, and on a slot nobody touched.</summary>
public static class BoardWindow
{
    /// <summary>
    /// Null when the command may reach its slot; else its refusal, as the slot would answer it. An undated board (the
    /// default calendar's) refuses only an hour it does not have; a dated day also what its booking window refuses now.
    /// </summary>
    public static SlotReply? Refusal(CalendarDefinition calendar, LocalDate? date, ISlotCommand command, Instant now)
    {
        if (date is not { } day) return UnknownHour(calendar, command);
        var kind = SlotCommandResult.KindOf(command);
        var verdict = BookingWindow.Check(calendar, day, command.SlotId, kind, now);
        if (verdict.IsAllowed) return null;
        var outcome = verdict.Outcome == BookingWindowOutcome.NoSuchHour ? SlotOutcome.UnknownSlot : SlotOutcome.OutsideBookingWindow;
        return new SlotReply(command.CorrelationId, new SlotCommandResult(command.SlotId, kind, outcome, verdict.Message!), 0);
    }

    /// <summary>
    /// Null when the undated <paramref name="calendar"/> has the command's hour; else its refusal. Judged by the default
    /// board, and by <see cref="Boards"/> for the default-board commands it sends straight to their slot.
    /// </summary>
    public static SlotReply? UnknownHour(CalendarDefinition calendar, ISlotCommand command)
    {
        if (calendar.HasHour(command.SlotId)) return null;
        var text = SlotMessages.UnknownSlot(command.SlotId, new SlotRange(calendar.FirstHour, calendar.LastHour));
        return new SlotReply(command.CorrelationId, new SlotCommandResult(command.SlotId, SlotCommandResult.KindOf(command), SlotOutcome.UnknownSlot, text), 0);
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
