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

    public static string SignInRequired(int slotId) => $"Slot {slotId} can only be booked by a signed-in user: present a token";

    /// <summary>The later seed version's words for a refused cancellation of another's booking.</summary>
    public static string NotYours(int slotId) => $"Slot {slotId} was not booked by you";

    /// <summary>The later seed version's words for a token that does not validate.</summary>
    public const string AuthenticationFailed = "Authentication failed. Invalid credentials.";

    public static string StorageFailed(int slotId, SlotCommandKind kind) =>
        $"Slot {slotId} could not be {Verb(kind)}: the booking store is unavailable; try again shortly";

    /// <summary>Not a storage failure: the command was never delivered (its slot's node unreachable, or its shard moving).</summary>
    public static string Unreachable(int slotId, SlotCommandKind kind) =>
        $"Slot {slotId} could not be {Verb(kind)}: it cannot be reached right now; try again shortly";

    public static string NotConfirmed(int slotId, SlotCommandKind kind, TimeSpan waited) =>
        $"Slot {slotId} was not {Verb(kind)}: the booking store did not confirm within {waited.TotalSeconds:0.#} s; the next slots_update shows the slot's state";

    public static string ReadTimedOut(TimeSpan waited) =>
        $"The slots could not be read within {waited.TotalSeconds:0.#} s; ask again shortly";

    private static string Verb(SlotCommandKind kind) => kind == SlotCommandKind.Book ? "booked" : "cancelled";
}
