using SlotBooking.Actors.Board;

namespace SlotBooking.Actors.Broadcast;

/// <summary>
/// Whoever delivers broadcasts to one connection (a session's outbox). The broadcaster calls it directly, from its own
/// thread, once per broadcast: no actor message per client. It must be thread-safe and must not block.
/// </summary>
public interface IBroadcastSubscriber
{
    void Offer(SlotsUpdatePayload update);
}

/// <summary>Adds a subscriber to a board's audience; it is offered the board's latest <see cref="SlotsUpdatePayload"/> at once and every one after.</summary>
public sealed record Subscribe(IBroadcastSubscriber Subscriber)
{
    public BoardKey Board { get; init; } = BoardKey.Default;
}

/// <summary>Removes a subscriber from a board's audience (its client unwatched the board).</summary>
public sealed record Unsubscribe(IBroadcastSubscriber Subscriber)
{
    public BoardKey Board { get; init; } = BoardKey.Default;
}

/// <summary>Removes a subscriber from every audience (its session has ended).</summary>
public sealed record UnsubscribeAll(IBroadcastSubscriber Subscriber);

/// <summary>
/// One serialised <c>slots_update</c> frame. The same bytes go to every session and are never modified.
/// <see cref="Version"/> is the board's version it shows, and <see cref="SlotVersions"/> each slot's stored version,
/// so that a session can tell newer from older.
/// </summary>
public sealed record SlotsUpdatePayload(ReadOnlyMemory<byte> Utf8, long Version, SlotVersions SlotVersions)
{
    /// <summary>The board it shows.</summary>
    public BoardKey Board { get; init; } = BoardKey.Default;
}
