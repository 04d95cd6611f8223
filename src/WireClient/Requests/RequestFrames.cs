using SlotBooking.Protocol;

namespace SlotBooking.WireClient.Requests;

/// <summary>
/// The book and cancel frames for every slot a load may touch, encoded once, so a load loop only sends bytes: the
/// slots of a range on the default board, or on each of a list of dated days. Immutable after construction; share
/// one between any number of clients.
/// </summary>
public sealed class RequestFrames
{
    private readonly SlotRange _range;
    private readonly byte[][] _book;
    private readonly byte[][] _cancel;

    public RequestFrames(SlotRange range) : this(range, []) { }

    /// <param name="days">The dated days to spread over; none means the default board.</param>
    public RequestFrames(SlotRange range, IReadOnlyList<DayAddress> days)
    {
        _range = range;
        DayAddress?[] boards = days.Count == 0 ? [null] : days.Select(d => (DayAddress?)d).ToArray();
        _book = boards.SelectMany(day => range.Ids.Select(id => RequestEncoder.Book(id, day: day))).ToArray();
        _cancel = boards.SelectMany(day => range.Ids.Select(id => RequestEncoder.Cancel(id, day: day))).ToArray();
    }

    /// <summary>How many slots there are to pick from: the range's, times the days.</summary>
    public int Count => _book.Length;

    /// <summary>The frame for a slot of the range (of the first day, when there are days).</summary>
    public ReadOnlyMemory<byte> For(SlotOperation operation, int slotId)
    {
        var index = slotId - _range.First;
        if ((uint)index >= (uint)_range.Count)
            throw new ArgumentOutOfRangeException(nameof(slotId), slotId, $"outside {_range}");
        return operation == SlotOperation.Book ? _book[index] : _cancel[index];
    }

    /// <summary>The slot id and frame of the slot at <paramref name="index"/> (0 to <see cref="Count"/> - 1).</summary>
    public (int SlotId, ReadOnlyMemory<byte> Frame) At(SlotOperation operation, int index) =>
        (_range.At(index % _range.Count), operation == SlotOperation.Book ? _book[index] : _cancel[index]);
}
