using SlotBooking.Protocol;

namespace SlotBooking.WireClient.Requests;

/// <summary>
/// The book and cancel frames for every slot of a range, encoded once, so a load loop only sends bytes.
/// Immutable after construction; share one between any number of clients.
/// </summary>
public sealed class RequestFrames
{
    private readonly SlotRange _range;
    private readonly byte[][] _book;
    private readonly byte[][] _cancel;

    public RequestFrames(SlotRange range)
    {
        _range = range;
        _book = range.Ids.Select(id => RequestEncoder.Book(id)).ToArray();
        _cancel = range.Ids.Select(id => RequestEncoder.Cancel(id)).ToArray();
    }

    public ReadOnlyMemory<byte> For(SlotOperation operation, int slotId)
    {
        var index = slotId - _range.First;
        if ((uint)index >= (uint)_range.Count)
            throw new ArgumentOutOfRangeException(nameof(slotId), slotId, $"outside {_range}");
        return operation == SlotOperation.Book ? _book[index] : _cancel[index];
    }
}
