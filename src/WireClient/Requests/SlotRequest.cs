using SlotBooking.WireClient.Frames;

namespace SlotBooking.WireClient.Requests;

/// <summary>One book or cancel of one slot, and how to recognise the server's answer to it.</summary>
public readonly record struct SlotRequest(SlotOperation Operation, int SlotId)
{
    public ServerFrameKind ExpectedAnswer =>
        Operation == SlotOperation.Book ? ServerFrameKind.BookingResponse : ServerFrameKind.CancellationResponse;

    /// <summary>A booking or cancellation response for this slot; a refusal (<c>success: false</c>) answers it too.</summary>
    public bool IsAnsweredBy(ServerFrame frame) => frame.Kind == ExpectedAnswer && frame.SlotId == SlotId;

    public override string ToString() => $"{Operation} of slot {SlotId}";
}
