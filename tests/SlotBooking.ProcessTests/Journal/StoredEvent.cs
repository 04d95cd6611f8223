namespace SlotBooking.ProcessTests.Journal;

/// <summary>One row of the <c>journal</c> table for a slot, as the file holds it (this version writes the v2 manifests).</summary>
public sealed record StoredEvent(long SequenceNumber, string Manifest, string Payload)
{
    public const string Booked = "slot-booked/v2";
    public const string Cancelled = "slot-cancelled/v2";

    public override string ToString() => $"#{SequenceNumber} {Manifest} {Payload}";
}
