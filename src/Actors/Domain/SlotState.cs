namespace SlotBooking.Actors.Domain;

/// <summary>The state of one slot: free, or booked at an instant.</summary>
public sealed record SlotState(int SlotId, DateTimeOffset? BookedAt)
{
    public bool IsBooked => BookedAt is not null;

    public static SlotState Free(int slotId) => new(slotId, null);

    public SlotState Apply(ISlotEvent @event) => @event switch
    {
        SlotBooked booked => this with { BookedAt = booked.BookedAt },
        SlotCancelled => this with { BookedAt = null },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown slot event"),
    };
}
