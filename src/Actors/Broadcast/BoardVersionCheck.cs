using SlotBooking.Actors.Board;

namespace SlotBooking.Actors.Broadcast;

/// <summary>What a broadcaster does with a board's change or read, judged by its version against the newest it took.</summary>
public enum VersionVerdict
{
    /// <summary>Newer: broadcast it.</summary>
    Take,

    /// <summary>Broadcast it, and read the board: a change may have been missed (pub-sub is at most once).</summary>
    TakeAndRead,

    /// <summary>Nothing newer than what was already taken.</summary>
    Ignore,
}

/// <summary>
/// Pub-sub delivers a board's changes at most once. A board's version is one more than the sum of its slots' stored
/// versions (<see cref="BoardReadModel"/>): it only grows, across the board's incarnations too, and a board publishes
/// once per slot report that changes something. So a change one newer than the last one taken, or one that moved a
/// single slot from it, missed nothing; any other newer change may have followed a lost one (or the board was not
/// ready to publish meanwhile): it is shown at once (each change is the whole board) and a read settles it. A change no
/// newer than what was taken is older news and ignored.
/// </summary>
public static class BoardVersionCheck
{
    /// <param name="taken">The version of the newest view taken of this board; null when none was.</param>
    /// <param name="version">The change's version.</param>
    /// <param name="takenSlots">The slot versions of the view taken, when known.</param>
    /// <param name="slots">The change's slot versions, when known.</param>
    public static VersionVerdict OfChange(long? taken, long version, SlotVersions? takenSlots = null, SlotVersions? slots = null)
    {
        if (taken is not { } known) return VersionVerdict.Take;
        if (version <= known) return VersionVerdict.Ignore;
        if (version == known + 1 || MovesOneSlot(takenSlots, slots)) return VersionVerdict.Take;
        return VersionVerdict.TakeAndRead;
    }

    /// <summary>A read answers with the board as it is: taken when nothing was, or when it is newer than what was.</summary>
    public static VersionVerdict OfRead(long? taken, long version) =>
        taken is not { } known || version > known ? VersionVerdict.Take : VersionVerdict.Ignore;

    /// <summary>Both views list the same slots, and exactly one slot's stored version differs.</summary>
    private static bool MovesOneSlot(SlotVersions? from, SlotVersions? to)
    {
        if (from is null || to is null || from.FirstSlotId != to.FirstSlotId || from.Versions.Length != to.Versions.Length || to.Versions.IsEmpty) return false;
        var moved = 0;
        for (var i = 0; i < to.Versions.Length; i++)
            if (from.Versions[i] != to.Versions[i] && ++moved > 1) return false;
        return moved == 1;
    }
}
