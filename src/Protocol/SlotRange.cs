namespace SlotBooking.Protocol;

/// <summary>
/// The bookable slot ids of a day, inclusive; slot <c>n</c> runs from <c>n:00</c> to <c>n+1:00</c>. Plain data shared by
/// the server (which slots exist) and its clients (which slots to pick from).
/// </summary>
public sealed record SlotRange
{
    public SlotRange(int first, int last)
    {
        if (first < 0 || last > 23 || first > last)
            throw new ArgumentOutOfRangeException(nameof(first), $"Slot range {first}-{last} must lie within 0-23 (one-hour slots in a day), first <= last");
        First = first;
        Last = last;
    }

    public static SlotRange Default { get; } = new(3, 14);

    public int First { get; }
    public int Last { get; }
    public int Count => Last - First + 1;

    public bool Contains(int slotId) => slotId >= First && slotId <= Last;

    public IEnumerable<int> Ids => Enumerable.Range(First, Count);

    /// <summary>The slot at a position in the range, 0-based: how a client picks one at random.</summary>
    public int At(int index) => First + index;

    /// <summary><c>3-14</c>, or a single id such as <c>9</c> when the range holds one slot.</summary>
    public override string ToString() => First == Last ? $"{First}" : $"{First}-{Last}";

    public static string StartTimeOf(int slotId) => $"{slotId:00}:00";
    public static string EndTimeOf(int slotId) => $"{slotId + 1:00}:00";

    /// <summary>The smallest range holding every given id (a server's own range, read from the slots it lists).</summary>
    public static SlotRange Spanning(IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0) throw new ArgumentException("The server reported no slots", nameof(ids));
        return new SlotRange(ids.Min(), ids.Max());
    }
}
