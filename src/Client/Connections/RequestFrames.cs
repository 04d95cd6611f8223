using System.Text;
using SlotBooking.Protocol;

namespace SlotBooking.Client.Connections;

public enum SlotOperation
{
    Book,
    Cancel,
}

/// <summary>
/// The client's request frames as UTF-8, built once for every slot of a range, so a load loop only sends
/// bytes. Immutable after construction; share one between any number of clients.
/// </summary>
public sealed class RequestFrames
{
    private readonly SlotRange _range;
    private readonly byte[][] _book;
    private readonly byte[][] _cancel;

    public RequestFrames(SlotRange range)
    {
        _range = range;
        _book = Enumerable.Range(range.First, range.Count).Select(id => Encode(MessageTypes.BookSlot, id)).ToArray();
        _cancel = Enumerable.Range(range.First, range.Count).Select(id => Encode(MessageTypes.CancelSlot, id)).ToArray();
    }

    public static ReadOnlyMemory<byte> GetSlots { get; } = Encoding.UTF8.GetBytes($$"""{"type":"{{MessageTypes.GetSlots}}"}""");

    public ReadOnlyMemory<byte> For(SlotOperation operation, int slotId)
    {
        var index = slotId - _range.First;
        if ((uint)index >= (uint)_range.Count)
            throw new ArgumentOutOfRangeException(nameof(slotId), slotId, $"outside {_range}");
        return operation == SlotOperation.Book ? _book[index] : _cancel[index];
    }

    public static byte[] Encode(SlotOperation operation, int slotId) =>
        Encode(operation == SlotOperation.Book ? MessageTypes.BookSlot : MessageTypes.CancelSlot, slotId);

    private static byte[] Encode(string type, int slotId) =>
        Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","slot_id":{{slotId}}}""");
}
