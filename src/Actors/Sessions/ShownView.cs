using SlotBooking.Actors.Board;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// What a frame tells its client about the board, so that nothing older is sent after it: a slot at a stored
/// version (an answer to a command), the whole board at a version (a <c>slots_update</c>), or nothing (an error).
/// </summary>
public readonly record struct ShownView
{
    private ShownView(BoardKey board, int slotId, long slotVersion, long boardVersion, SlotVersions? slots)
    {
        Board = board;
        SlotId = slotId;
        SlotVersion = slotVersion;
        BoardVersion = boardVersion;
        Slots = slots;
    }

    public static ShownView Nothing => new(BoardKey.Default, 0, 0, 0, null);

    /// <summary>An answer that reflects one slot's stored version; 0 means it reflects nothing stored.</summary>
    public static ShownView OfSlot(int slotId, long version) => OfSlot(BoardKey.Default, slotId, version);

    public static ShownView OfSlot(BoardKey board, int slotId, long version) => new(board, slotId, version, 0, null);

    /// <summary>A view of the whole board at a version, with the stored version of each slot it shows.</summary>
    public static ShownView OfBoard(long version, SlotVersions slots) => OfBoard(BoardKey.Default, version, slots);

    public static ShownView OfBoard(BoardKey board, long version, SlotVersions slots) => new(board, 0, 0, version, slots);

    /// <summary>The board it is about (the default board for <see cref="Nothing"/>, which shows nothing).</summary>
    public BoardKey Board { get; }

    public int SlotId { get; }
    public long SlotVersion { get; }
    public long BoardVersion { get; }
    public SlotVersions? Slots { get; }
}
