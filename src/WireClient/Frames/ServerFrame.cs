namespace SlotBooking.WireClient.Frames;

public enum ServerFrameKind
{
    SlotsUpdate,
    BookingResponse,
    CancellationResponse,
    Error,
    /// <summary>A signed-in connection's own bookings, pushed at connect and after each change (not an answer).</summary>
    MyBookings,
    /// <summary>Not JSON, no <c>type</c>, or a type this client does not know.</summary>
    Unrecognised,
}

/// <summary>
/// The parts of a server frame a client acts on; the slot data of a <c>slots_update</c> is not read.
/// <see cref="RequestId"/> is the <c>request_id</c> an answer echoes, when its request carried one.
/// </summary>
public readonly record struct ServerFrame(ServerFrameKind Kind, bool Success, int SlotId, string? Message, string? RequestId = null)
{
    public bool IsAnswer => Kind is ServerFrameKind.BookingResponse or ServerFrameKind.CancellationResponse or ServerFrameKind.Error;
}
