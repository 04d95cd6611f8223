namespace SlotBooking.Client.Stats;

/// <summary>What a run reports about its latencies, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P99, double P999, double Max, double Mean)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
