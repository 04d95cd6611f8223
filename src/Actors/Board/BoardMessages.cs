using System.Collections.Immutable;
using Akka.Actor;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Board;

/// <summary>A slot's state after recovery; sent by the slot to the board.</summary>
public sealed record SlotStateChanged(SlotState State);

/// <summary>
/// A slot's state after a batch was stored, with the answers to the batch's commands: the board takes the new state
/// first, then hands each answer on stamped with its version, so no client hears of a change before the board has it.
/// </summary>
public sealed record SlotBatchStored(SlotState State, IReadOnlyList<PendingAnswer> Answers);

public sealed record PendingAnswer(IActorRef ReplyTo, SlotCommandResult Result);

/// <summary>The broadcaster's count of open sessions, reported to the board so that one ask answers every read.</summary>
public sealed record ActiveConnectionsChanged(int Count);

/// <summary>Asks the board for a <see cref="BoardView"/>.</summary>
public sealed record GetBoard
{
    public static GetBoard Instance { get; } = new();
    private GetBoard() { }
}

/// <summary>
/// Every slot's state, in id order, as of the last stored change. <see cref="IsReady"/> is false until every
/// slot has recovered and reported; until then <see cref="Slots"/> holds only those that have.
/// <see cref="StorageProblem"/> is the last storage failure reported, until storage is seen working again.
/// </summary>
public sealed record BoardView(bool IsReady, ImmutableArray<SlotState> Slots, int ActiveConnections, string? StorageProblem, long Version)
{
    public int BookedCount => Slots.Count(s => s.IsBooked);
    public IEnumerable<int> BookedIds => Slots.Where(s => s.IsBooked).Select(s => s.SlotId);
}

/// <summary>The whole board after a change, with the board's version (one more per change); sent to the broadcaster.</summary>
public sealed record BoardChanged(ImmutableArray<SlotState> Slots, DateTimeOffset At, long Version);
