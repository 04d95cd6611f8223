using NodaTime;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Domain;

/// <summary>The outcome of deciding one command: the event to store (null when refused) and the answer to give once it is stored.</summary>
public sealed record SlotDecision(ISlotEvent? Event, SlotCommandResult Result);

/// <summary>The booking rules, as a pure function of the state, the command, the calendar's access rule and the time.</summary>
public static class SlotDecider
{
    public static SlotDecision Decide(SlotState state, ISlotCommand command, DateTimeOffset now, CalendarAccess access = CalendarAccess.Open)
    {
        var id = state.SlotId;
        var by = command.By;
        return command switch
        {
            BookSlot when access == CalendarAccess.SignedIn && !by.IsSignedIn =>
                Refuse(id, SlotCommandKind.Book, SlotOutcome.SignInRequired, SlotMessages.SignInRequired(id)),
            BookSlot when state.IsBooked => Refuse(id, SlotCommandKind.Book, SlotOutcome.AlreadyBooked, SlotMessages.AlreadyBooked(id)),
            BookSlot => Accept(new SlotBooked(id, now) { Owner = by.Subject }, SlotCommandKind.Book, SlotMessages.Booked(id)),
            CancelSlot when !state.IsBooked => Refuse(id, SlotCommandKind.Cancel, SlotOutcome.NotBooked, SlotMessages.NotBooked(id)),
            CancelSlot when !MayCancel(state, by, access) => Refuse(id, SlotCommandKind.Cancel, SlotOutcome.NotYours, SlotMessages.NotYours(id)),
            CancelSlot => Accept(new SlotCancelled(id, now) { Owner = state.BookedBy, CancelledBy = by.Subject }, SlotCommandKind.Cancel, SlotMessages.Cancelled(id)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown slot command"),
        };
    }

    /// <summary>
    /// An admin may cancel anything, an owner their own booking. A booking without an owner (anonymous, or stored before
    /// owners existed) may be cancelled by anyone on an open calendar, and only by an admin on a signed-in one.
    /// </summary>
    public static bool MayCancel(SlotState state, Requester by, CalendarAccess access) =>
        by.IsAdmin
        || (state.BookedBy is { } owner ? by.Subject == owner : access == CalendarAccess.Open);

    /// <summary>
    /// A dated slot: its calendar's booking window first, judged at <paramref name="now"/>, then the same rules as any slot.
    /// </summary>
    public static SlotDecision DecideDated(SlotState state, ISlotCommand command, DateTimeOffset now, CalendarDefinition calendar, LocalDate date)
    {
        var kind = SlotCommandResult.KindOf(command);
        var verdict = BookingWindow.Check(calendar, date, state.SlotId, kind, Instant.FromDateTimeOffset(now));
        return verdict.IsAllowed
            ? Decide(state, command, now, calendar.Access)
            : Refuse(state.SlotId, kind, SlotOutcome.OutsideBookingWindow, verdict.Message!);
    }

    private static SlotDecision Accept(ISlotEvent @event, SlotCommandKind kind, string message) =>
        new(@event, new SlotCommandResult(@event.SlotId, kind, SlotOutcome.Done, message));

    private static SlotDecision Refuse(int slotId, SlotCommandKind kind, SlotOutcome outcome, string message) =>
        new(null, new SlotCommandResult(slotId, kind, outcome, message));
}
