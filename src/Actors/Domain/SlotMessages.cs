namespace SlotBooking.Actors.Domain;

/// <summary>The texts clients read in responses; the success texts are the seed's, word for word.</summary>
public static class SlotMessages
{
    public static string Booked(int slotId) => $"Slot {slotId} booked successfully";
    public static string Cancelled(int slotId) => $"Slot {slotId} booking cancelled successfully";
    public static string AlreadyBooked(int slotId) => $"Slot {slotId} is already booked";
    public static string NotBooked(int slotId) => $"Slot {slotId} is not booked";
    public static string UnknownSlot(int slotId, SlotRange range) => $"Slot {slotId} does not exist; valid slots are {range}";

    public static string StorageFailed(int slotId, SlotCommandKind kind) =>
        $"Slot {slotId} could not be {(kind == SlotCommandKind.Book ? "booked" : "cancelled")}: the booking store is unavailable, nothing was changed";
}
