using NodaTime;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Domain;

/// <summary>The outcome of deciding one command: the event to store (null when refused) and the answer to give once it is stored.</summary>
public sealed record SlotDecision(ISlotEvent? Event, SlotCommandResult Result);

/// <summary>The booking rules, as a pure function of the state, the command and the time.</summary>
public static class SlotDecider
{
    public static SlotDecision Decide(SlotState state, ISlotCommand command, DateTimeOffset now)
    {
        var id = state.SlotId;
        return command switch
        {
            BookSlot when state.IsBooked => Refuse(id, SlotCommandKind.Book, SlotOutcome.AlreadyBooked, SlotMessages.AlreadyBooked(id)),
            BookSlot => Accept(new SlotBooked(id, now), SlotCommandKind.Book, SlotMessages.Booked(id)),
            CancelSlot when !state.IsBooked => Refuse(id, SlotCommandKind.Cancel, SlotOutcome.NotBooked, SlotMessages.NotBooked(id)),
            CancelSlot => Accept(new SlotCancelled(id, now), SlotCommandKind.Cancel, SlotMessages.Cancelled(id)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown slot command"),
        };
    }

    /// <summary>
    /// A dated slot: its calendar's booking window first, judged at <paramref name="now"/>, then the same rules as any slot.
    /// </summary>
    public static SlotDecision DecideDated(SlotState state, ISlotCommand command, DateTimeOffset now, CalendarDefinition calendar, LocalDate date)
    {
        var kind = SlotCommandResult.KindOf(command);
        var verdict = BookingWindow.Check(calendar, date, state.SlotId, kind, Instant.FromDateTimeOffset(now));
        return verdict.IsAllowed
            ? Decide(state, command, now)
            : Refuse(state.SlotId, kind, SlotOutcome.OutsideBookingWindow, verdict.Message!);
    }

    private static SlotDecision Accept(ISlotEvent @event, SlotCommandKind kind, string message) =>
        new(@event, new SlotCommandResult(@event.SlotId, kind, SlotOutcome.Done, message));

    private static SlotDecision Refuse(int slotId, SlotCommandKind kind, SlotOutcome outcome, string message) =>
        new(null, new SlotCommandResult(slotId, kind, outcome, message));
}
