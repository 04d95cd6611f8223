using SlotBooking.Protocol;

namespace SlotBooking.ProcessTests;

/// <summary>The bookable slots of a host started with its default configuration (3 AM to 3 PM).</summary>
public static class SlotIds
{
    public const int First = 3;
    public const int Last = 14;

    public static SlotRange Range { get; } = new(First, Last);

    public static IEnumerable<int> All => Range.Ids;
}
