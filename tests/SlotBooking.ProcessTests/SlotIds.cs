namespace SlotBooking.ProcessTests;

/// <summary>The bookable slots of a host started with its default configuration (3 AM to 3 PM).</summary>
public static class SlotIds
{
    public const int First = 3;
    public const int Last = 14;

    public static IEnumerable<int> All => Enumerable.Range(First, Last - First + 1);

    public static int PickAt(Random random) => random.Next(First, Last + 1);
}
