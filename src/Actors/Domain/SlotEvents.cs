namespace SlotBooking.Actors.Domain;

/// <summary>What happened to a slot; journaled, so these shapes outlive the code (see SlotEventSerializer's manifests).</summary>
public interface ISlotEvent
{
    int SlotId { get; }
}

public sealed record SlotBooked(int SlotId, DateTimeOffset BookedAt) : ISlotEvent;

public sealed record SlotCancelled(int SlotId, DateTimeOffset CancelledAt) : ISlotEvent;
