namespace SlotBooking.Client.Slots;

/// <summary>An inclusive range of slot ids, such as <c>3-14</c>, that a client picks its targets from.</summary>
public sealed record SlotRange(int First, int Last)
{
    public int Count => Last - First + 1;

    public int At(int index) => First + index;

    public override string ToString() => First == Last ? $"{First}" : $"{First}-{Last}";

    /// <summary>The smallest range holding every given id (the server's own range, read from a <c>slots_update</c>).</summary>
    public static SlotRange Spanning(IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0) throw new ArgumentException("The server reported no slots", nameof(ids));
        return new SlotRange(ids.Min(), ids.Max());
    }
}
