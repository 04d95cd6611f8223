using SlotBooking.Protocol;

namespace SlotBooking.Actors.Domain;

/// <summary>The texts clients read in responses; the success texts are the seed's, word for word.</summary>
public static class SlotMessages
{
    public static string Booked(int slotId) => $"Slot {slotId} booked successfully";
    public static string Cancelled(int slotId) => $"Slot {slotId} booking cancelled successfully";
    public static string AlreadyBooked(int slotId) => $"Slot {slotId} is already booked";
    public static string NotBooked(int slotId) => $"Slot {slotId} is not booked";
    // Written out rather than range.ToString(): the server has always said "5-5" for a one-slot range.
    public static string UnknownSlot(int slotId, SlotRange range) => $"Slot {slotId} does not exist; valid slots are {range.First}-{range.Last}";

    public static string StorageFailed(int slotId, SlotCommandKind kind) =>
        $"Slot {slotId} could not be {Verb(kind)}: the booking store is unavailable; try again shortly";

    public static string NotConfirmed(int slotId, SlotCommandKind kind, TimeSpan waited) =>
        $"Slot {slotId} was not {Verb(kind)}: the booking store did not confirm within {waited.TotalSeconds:0.#} s; the next slots_update shows the slot's state";

    private static string Verb(SlotCommandKind kind) => kind == SlotCommandKind.Book ? "booked" : "cancelled";
}
