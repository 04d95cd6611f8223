using SlotBooking.Client.Frames;

namespace SlotBooking.Client.Slots;

/// <summary>An inclusive range of slot ids, such as <c>3-14</c>, that a client picks its targets from.</summary>
public sealed record SlotRange(int First, int Last)
{
    public int Count => Last - First + 1;

    public int At(int index) => First + index;

    public override string ToString() => First == Last ? $"{First}" : $"{First}-{Last}";

    /// <summary>The server's range, from the first <c>slots_update</c> it sends on a new connection.</summary>
    /// <param name="option">The command-line option that names slots instead, for the error message.</param>
    public static SlotRange OfServerState(byte[] initialState, string option = "--slots")
    {
        var ids = SlotsUpdateReader.TryRead(initialState)?.Data.Slots.Select(s => s.Id).ToArray();
        if (ids is not { Length: > 0 })
            throw new InvalidOperationException($"The server's first message was not a slots_update listing slots; cannot tell its slot range (pass {option})");
        return Spanning(ids);
    }

    /// <summary>The smallest range holding every given id (the server's own range, read from a <c>slots_update</c>).</summary>
    public static SlotRange Spanning(IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0) throw new ArgumentException("The server reported no slots", nameof(ids));
        return new SlotRange(ids.Min(), ids.Max());
    }
}
