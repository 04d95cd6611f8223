namespace SlotBooking.Protocol;

/// <summary>What a client frame turned out to be once parsed: a request, or the reason it was refused.</summary>
public abstract record ClientRequest;

/// <summary><c>{"type":"book_slot","slot_id":9}</c></summary>
public sealed record BookSlotRequest(int SlotId) : ClientRequest;

/// <summary><c>{"type":"cancel_slot","slot_id":9}</c></summary>
public sealed record CancelSlotRequest(int SlotId) : ClientRequest;

/// <summary><c>{"type":"get_slots"}</c></summary>
public sealed record GetSlotsRequest : ClientRequest
{
    public static GetSlotsRequest Instance { get; } = new();
    private GetSlotsRequest() { }
}

/// <summary>A frame that is not a valid request; <see cref="Message"/> says why, for the client.</summary>
public sealed record InvalidRequest(string Message) : ClientRequest;
