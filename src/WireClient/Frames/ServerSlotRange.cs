using SlotBooking.Protocol;

namespace SlotBooking.WireClient.Frames;

/// <summary>A server's slot range, read from the <c>slots_update</c> it sends first on a new connection.</summary>
public static class ServerSlotRange
{
    /// <param name="option">The command-line option that names slots instead, for the error message.</param>
    public static SlotRange Of(ReadOnlySpan<byte> initialState, string option = "--slots")
    {
        var ids = SlotsUpdateReader.TryRead(initialState)?.Data.Slots.Select(s => s.Id).ToArray();
        if (ids is not { Length: > 0 })
            throw new InvalidOperationException($"The server's first message was not a slots_update listing slots; cannot tell its slot range (pass {option})");
        return SlotRange.Spanning(ids);
    }
}
