namespace SlotBooking.Actors.Broadcast;

/// <param name="Interval">The shortest time between two broadcasts of a board; zero sends every change (still coalescing a burst already queued).</param>
/// <param name="Clock">Where the pacing reads time.</param>
public sealed record BroadcastSettings(TimeSpan Interval, TimeProvider Clock)
{
    /// <summary>How long a read of a board may take (after a subscription, or when a change was missed).</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a new subscription takes to reach every node's pub-sub registry (a couple of its gossip rounds). A board
    /// on another node publishes to the nodes it knows of, so a change in that window misses this node: the board is read
    /// once more after it.
    /// </summary>
    public TimeSpan SubscriptionSpread { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often every watched board is read even when nothing suggests a missed change; null never. A publish lost
    /// between nodes (pub-sub is at most once) shows as a gap only when a later change comes: this read heals the last
    /// lost one. Within one node pub-sub loses nothing, so a node alone needs none.
    /// </summary>
    public TimeSpan? ResyncInterval { get; init; }
}
