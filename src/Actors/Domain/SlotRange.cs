namespace SlotBooking.Actors.Domain;

/// <summary>The bookable slot ids, inclusive; slot <c>n</c> runs from <c>n:00</c> to <c>n+1:00</c>.</summary>
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

    public override string ToString() => $"{First}-{Last}";

    public static string StartTimeOf(int slotId) => $"{slotId:00}:00";
    public static string EndTimeOf(int slotId) => $"{slotId + 1:00}:00";
}
