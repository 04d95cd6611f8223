namespace SlotBooking.Actors.Slots;

/// <summary>How slot actors behave: when they snapshot, when an idle one is stopped, and where time comes from.</summary>
/// <param name="SnapshotEvery">Save a snapshot after this many events since the last one, so recovery replays at most that many.</param>
/// <param name="IdleTimeout">A slot or day board with no traffic for this long is passivated through sharding (it recovers on its next message).</param>
/// <param name="Clock">The source of booking timestamps.</param>
public sealed record SlotActorSettings(int SnapshotEvery, TimeSpan IdleTimeout, TimeProvider Clock)
{
    /// <summary>
    /// How long a board holds a read that waits for a slot version it does not have yet (<see cref="Board.ReadBoard.Seen"/>)
    /// before answering it "not ready"; on <see cref="Clock"/>.
    /// </summary>
    public TimeSpan ReadWaitLimit { get; init; } = TimeSpan.FromSeconds(5);

    public static SlotActorSettings Default { get; } = new(500, TimeSpan.FromMinutes(5), TimeProvider.System);
}
