namespace SlotBooking.Actors.Domain;

/// <summary>
/// A message addressed to one slot of a board (the slot id is the hour). A board routes it by this alone.
/// </summary>
public interface IWithSlotId
{
    int SlotId { get; }
}

/// <summary>
/// A request to change a slot; answered with a <see cref="SlotReply"/> once decided and stored.
/// <see cref="CorrelationId"/> is the sender's own number for it, carried back in the reply; <see cref="RequestId"/> is
/// the client's <c>request_id</c>, if any, so that the slot can recognise a retry.
/// </summary>
public interface ISlotCommand : IWithSlotId
{
    long CorrelationId { get; }
    string? RequestId { get; }

    /// <summary>Who asks: the subject of a token validated at the edge, or anonymous.</summary>
    Requester By { get; }
}

public sealed record BookSlot(int SlotId, long CorrelationId = 0, string? RequestId = null) : ISlotCommand
{
    public Requester By { get; init; } = Requester.Anonymous;
}

public sealed record CancelSlot(int SlotId, long CorrelationId = 0, string? RequestId = null) : ISlotCommand
{
    public Requester By { get; init; } = Requester.Anonymous;
}

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
    /// <summary>A dated slot that its calendar's booking window refuses now: past, beyond the horizon, inside the notice, started, or a skipped hour.</summary>
    OutsideBookingWindow,
    /// <summary>The calendar takes bookings only from signed-in users, and the requester is anonymous.</summary>
    SignInRequired,
    /// <summary>A cancellation of someone else's booking by a requester who is neither its owner nor an admin.</summary>
    NotYours,
    /// <summary>A token was presented but is not valid (bad signature, expired, wrong audience, unsigned...).</summary>
    AuthenticationFailed,
    /// <summary>The command never reached its slot (or its board): a shard region could not deliver it, because the entity's node is unreachable or its shard is moving. Nothing was decided or stored.</summary>
    Unreachable,
}

/// <summary>The decision on an <see cref="ISlotCommand"/>. <see cref="Message"/> is the text shown to clients.</summary>
public sealed record SlotCommandResult(int SlotId, SlotCommandKind Kind, SlotOutcome Outcome, string Message)
{
    public bool Success => Outcome == SlotOutcome.Done;

    /// <summary>The answer to a command that storage could not take: nothing was changed.</summary>
    public static SlotCommandResult StorageFailed(int slotId, SlotCommandKind kind) =>
        new(slotId, kind, SlotOutcome.StorageFailed, SlotMessages.StorageFailed(slotId, kind));

    /// <summary>The answer to a command a shard region could not deliver: nothing was decided.</summary>
    public static SlotCommandResult Unreachable(int slotId, SlotCommandKind kind) =>
        new(slotId, kind, SlotOutcome.Unreachable, SlotMessages.Unreachable(slotId, kind));

    public static SlotCommandKind KindOf(ISlotCommand command) => command switch
    {
        BookSlot => SlotCommandKind.Book,
        CancelSlot => SlotCommandKind.Cancel,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown slot command"),
    };
}

/// <summary>
/// A slot's answer to one command. <see cref="CorrelationId"/> is the command's own, so the sender matches it exactly.
/// <see cref="StateVersion"/> is the slot's stored version (its journal sequence number) that the answer reflects:
/// any view of the slot at an older version is older than this answer. 0 when nothing about the slot was known.
/// </summary>
public sealed record SlotReply(long CorrelationId, SlotCommandResult Result, long StateVersion)
{
    /// <summary>The answer to a command that never reached a decision because storage failed; nothing was changed.</summary>
    public static SlotReply StorageFailed(ISlotCommand command) =>
        new(command.CorrelationId, SlotCommandResult.StorageFailed(command.SlotId, SlotCommandResult.KindOf(command)), 0);

    /// <summary>The answer to a command a shard region could not deliver (its entity's node unreachable, its shard moving); nothing was changed.</summary>
    public static SlotReply Unreachable(ISlotCommand command) =>
        new(command.CorrelationId, SlotCommandResult.Unreachable(command.SlotId, SlotCommandResult.KindOf(command)), 0);
}
