using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// The commands a session has sent and not yet had answered, oldest first. A slot answers its commands in the
/// order it received them, so an answer settles the oldest pending command of the same slot and kind.
/// </summary>
internal sealed class PendingCommands
{
    private readonly LinkedList<Entry> _entries = new();

    public int Count => _entries.Count;

    public void Add(ISlotCommand command, long sentAt) =>
        _entries.AddLast(new Entry(command.SlotId, SlotCommandResult.KindOf(command), sentAt));

    /// <summary>Removes the command this result answers; false if none was waiting (it had already timed out).</summary>
    public bool Settle(SlotCommandResult result)
    {
        for (var node = _entries.First; node is not null; node = node.Next)
        {
            if (node.Value.SlotId != result.SlotId || node.Value.Kind != result.Kind) continue;
            _entries.Remove(node);
            return true;
        }
        return false;
    }

    /// <summary>Removes and returns the commands sent before <paramref name="sentBefore"/>.</summary>
    public List<(int SlotId, SlotCommandKind Kind)> TakeOverdue(long sentBefore)
    {
        var overdue = new List<(int, SlotCommandKind)>();
        while (_entries.First is { } first && first.Value.SentAt < sentBefore)
        {
            overdue.Add((first.Value.SlotId, first.Value.Kind));
            _entries.RemoveFirst();
        }
        return overdue;
    }

    private readonly record struct Entry(int SlotId, SlotCommandKind Kind, long SentAt);
}
