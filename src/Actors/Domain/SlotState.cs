namespace SlotBooking.Actors.Domain;

/// <summary>The state of one slot: free, or booked at an instant, by <see cref="BookedBy"/> (null: anonymously).</summary>
public sealed record SlotState(int SlotId, DateTimeOffset? BookedAt)
{
    public string? BookedBy { get; init; }

    public bool IsBooked => BookedAt is not null;

    public static SlotState Free(int slotId) => new(slotId, null);

    public SlotState Apply(ISlotEvent @event) => @event switch
    {
        SlotBooked booked => this with { BookedAt = booked.BookedAt, BookedBy = booked.Owner },
        SlotCancelled => this with { BookedAt = null, BookedBy = null },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown slot event"),
    };
}
