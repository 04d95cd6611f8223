namespace SlotBooking.Actors.Broadcast;

/// <summary>What a broadcaster does with a board's change or read, judged by its version against the newest it took.</summary>
public enum VersionVerdict
{
    /// <summary>Newer: broadcast it.</summary>
    Take,

    /// <summary>Broadcast it, and read the board: a change was missed (pub-sub is at most once), or the board restarted its count.</summary>
    TakeAndRead,

    /// <summary>Nothing newer than what was already taken.</summary>
    Ignore,
}

/// <summary>
/// Pub-sub delivers a board's changes at most once. A board's version grows by one for each change it publishes, and
/// may also grow while the board is not ready to publish (a slot still recovering), so a gap is not always a loss; a
/// read settles it either way. Each change is the whole board, so a newer one is shown at once, whatever it skipped.
/// </summary>
public static class BoardVersionCheck
{
    /// <param name="taken">The version of the newest view taken of this board; null when none was.</param>
    public static VersionVerdict OfChange(long? taken, long version)
    {
        if (taken is not { } known || version == known + 1) return VersionVerdict.Take;
        if (version == known) return VersionVerdict.Ignore;
        // Older than what was taken: a new incarnation of the board (its count starts again after a restart or a move
        // to another node), or a publish overtaken by a read's answer. The read says which; until then it is shown.
        return VersionVerdict.TakeAndRead;
    }

    /// <summary>A read answers with the board as it is: taken when nothing was, or when it is newer than what was.</summary>
    public static VersionVerdict OfRead(long? taken, long version) =>
        taken is not { } known || version > known ? VersionVerdict.Take : VersionVerdict.Ignore;
}
