using System.Collections.Immutable;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Board;

/// <summary>A slot's stored state and its version (its journal sequence number), after recovery and after each stored batch.</summary>
public sealed record SlotStateChanged(SlotState State, long Version);

/// <summary>Asks a board for a <see cref="BoardView"/> (the HTTP routes, the health check and the calendar catalog).</summary>
public sealed record GetBoard
{
    public static GetBoard Instance { get; } = new();
    private GetBoard() { }
}

/// <summary>
/// A session's read of the board; answered with a <see cref="BoardRead"/> carrying the same correlation id.
/// <see cref="Seen"/> lists the slots whose answers the session has already received, each at the stored version its
/// answer reflected (<see cref="Domain.SlotReply.StateVersion"/>): the view answered shows each of them at least at that
/// version, so a <c>get_slots</c> includes every change already answered, whichever path the slot's report to its
/// board took. Null: nothing to wait for.
/// </summary>
public sealed record ReadBoard(long CorrelationId)
{
    public IReadOnlyList<SlotAtVersion>? Seen { get; init; }
}

/// <summary>One slot of a board (its id, the hour) at a stored version (its journal sequence number).</summary>
public readonly record struct SlotAtVersion(int SlotId, long Version);

public sealed record BoardRead(long CorrelationId, BoardView View);

/// <summary>
/// Every slot's state, in id order, as of the last stored change. <see cref="IsReady"/> is false while a slot that
/// may hold stored state has not reported it (it is still recovering, or its recovery failed).
/// <see cref="Version"/> is the board's version (one more than the sum of its slots' stored versions once ready, see
/// <see cref="BoardReadModel"/>), which only grows, across the board's incarnations too; <see cref="SlotVersions"/> says
/// which stored version of each slot it shows.
/// </summary>
public sealed record BoardView(bool IsReady, ImmutableArray<SlotState> Slots, long Version, SlotVersions SlotVersions)
{
    public int BookedCount => Slots.Count(s => s.IsBooked);
    public IEnumerable<int> BookedIds => Slots.Where(s => s.IsBooked).Select(s => s.SlotId);

    /// <summary>Before anything is known: not ready, no slots.</summary>
    public static BoardView Unknown { get; } = new(false, [], 0, SlotVersions.None);
}

/// <summary>
/// The whole board after a change, with the board's version (see <see cref="BoardView"/>); published to
/// the board's topic (<c>BoardTopic</c>), from which every node's broadcaster takes it. It crosses nodes, so it is plain
/// data: a receiver renders a dated day's slot times from its own calendar registry, as a <c>get_slots</c> does.
/// </summary>
public sealed record BoardChanged(ImmutableArray<SlotState> Slots, DateTimeOffset At, long Version, SlotVersions SlotVersions)
{
    public BoardKey Board { get; init; } = BoardKey.Default;
}
