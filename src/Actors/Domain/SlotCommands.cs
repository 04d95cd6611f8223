namespace SlotBooking.Actors.Domain;

/// <summary>
/// A message addressed to one slot. Routing reads only this, so a cluster shard region can later take
/// the slot manager's place without changes to the slot actor.
/// </summary>
public interface IWithSlotId
{
    int SlotId { get; }
}

/// <summary>A request to change a slot; answered with a <see cref="SlotCommandResult"/> once decided and stored.</summary>
public interface ISlotCommand : IWithSlotId;

public sealed record BookSlot(int SlotId) : ISlotCommand;

public sealed record CancelSlot(int SlotId) : ISlotCommand;

/// <summary>Asks a slot for its current <see cref="SlotState"/>.</summary>
public sealed record GetSlotState(int SlotId) : IWithSlotId;

public enum SlotCommandKind
{
    Book,
    Cancel,
}

public enum SlotOutcome
{
    Done,
    AlreadyBooked,
    NotBooked,
    UnknownSlot,
    StorageFailed,
}

/// <summary>
/// The answer to an <see cref="ISlotCommand"/>. <see cref="Message"/> is the text shown to clients.
/// <see cref="BoardVersion"/> is the board's version that includes a stored change (0 when nothing was stored), so that
/// a session never shows its client an older state after this answer.
/// </summary>
public sealed record SlotCommandResult(int SlotId, SlotCommandKind Kind, SlotOutcome Outcome, string Message)
{
    public long BoardVersion { get; init; }

    public bool Success => Outcome == SlotOutcome.Done;

    /// <summary>The answer to a command that storage could not take: nothing was changed.</summary>
    public static SlotCommandResult StorageFailed(int slotId, SlotCommandKind kind) =>
        new(slotId, kind, SlotOutcome.StorageFailed, SlotMessages.StorageFailed(slotId, kind));

    public static SlotCommandKind KindOf(ISlotCommand command) => command switch
    {
        BookSlot => SlotCommandKind.Book,
        CancelSlot => SlotCommandKind.Cancel,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown slot command"),
    };
}
