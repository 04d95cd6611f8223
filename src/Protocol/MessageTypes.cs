namespace SlotBooking.Protocol;

/// <summary>The <c>type</c> values of the wire protocol, exactly as the seed spells them.</summary>
public static class MessageTypes
{
    public const string BookSlot = "book_slot";
    public const string CancelSlot = "cancel_slot";
    public const string GetSlots = "get_slots";
    public const string Watch = "watch";
    public const string Unwatch = "unwatch";

    public const string SlotsUpdate = "slots_update";
    public const string BookingResponse = "booking_response";
    public const string CancellationResponse = "cancellation_response";
    public const string Error = "error";
    public const string MyBookings = "my_bookings";
}
