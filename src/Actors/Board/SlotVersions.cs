using System.Collections.Immutable;

namespace SlotBooking.Actors.Board;

/// <summary>
/// For each slot of a board, the stored version (journal sequence number) of the state a view shows. A session uses
/// it to tell whether a view is older than an answer it has already given about one slot.
/// </summary>
public sealed record SlotVersions(int FirstSlotId, ImmutableArray<long> Versions)
{
    public static SlotVersions None { get; } = new(0, []);

    /// <summary>The version shown for a slot; 0 for a slot the view does not cover.</summary>
    public long Of(int slotId)
    {
        var index = slotId - FirstSlotId;
        return (uint)index < (uint)Versions.Length ? Versions[index] : 0;
    }
}
