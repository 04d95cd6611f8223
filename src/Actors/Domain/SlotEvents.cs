namespace SlotBooking.Actors.Domain;

/// <summary>What happened to a slot; journaled, so these shapes outlive the code (see SlotEventSerializer's manifests).</summary>
public interface ISlotEvent
{
    int SlotId { get; }
}

/// <summary>A booking. <see cref="Owner"/> is the booker's subject; null for an anonymous booking and in every v1 event.</summary>
public sealed record SlotBooked(int SlotId, DateTimeOffset BookedAt) : ISlotEvent
{
    public string? Owner { get; init; }
}

/// <summary>
/// A cancellation. <see cref="Owner"/> is whose booking it ended (null: an anonymous booking), <see cref="CancelledBy"/>
/// who cancelled it (null: anonymous); both null in every v1 event.
/// </summary>
public sealed record SlotCancelled(int SlotId, DateTimeOffset CancelledAt) : ISlotEvent
{
    public string? Owner { get; init; }

    public string? CancelledBy { get; init; }
}
