namespace SlotBooking.Client.Frames;

public enum ServerFrameKind
{
    SlotsUpdate,
    BookingResponse,
    CancellationResponse,
    Error,
    /// <summary>Not JSON, no <c>type</c>, or a type this client does not know.</summary>
    Unrecognised,
}

/// <summary>The parts of a server frame a load client acts on; the slot data of a <c>slots_update</c> is not read.</summary>
public readonly record struct ServerFrame(ServerFrameKind Kind, bool Success, int SlotId, string? Message)
{
    public bool IsAnswer => Kind is ServerFrameKind.BookingResponse or ServerFrameKind.CancellationResponse or ServerFrameKind.Error;
}
