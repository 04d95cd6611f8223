namespace SlotBooking.WireClient.Requests;

/// <summary>What a client asks of one slot.</summary>
public enum SlotOperation
{
    Book,
    Cancel,
}
