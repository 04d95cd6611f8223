using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// Answers to one client's requests, kept in the order the requests arrived: a reply that is ready waits for
/// the ones before it, so a client reads its answers in the order it asked, as with the seed. A slot answers
/// its commands in the order it received them, so a result fills the oldest waiting command of the same slot
/// and kind.
/// </summary>
internal sealed class OrderedReplies
{
    private readonly LinkedList<Reply> _replies = new();

    /// <summary>Requests waiting for their answer or for an earlier one.</summary>
    public int Count => _replies.Count;

    /// <summary>Commands sent to a slot and not yet answered.</summary>
    public int CommandsInFlight => _replies.Count(r => r.Command is not null && r.Bytes is null);

    public void AddReady(ReadOnlyMemory<byte> bytes) => _replies.AddLast(new Reply { Bytes = bytes });

    public void AddCommand(ISlotCommand command, long sentAt) =>
        _replies.AddLast(new Reply { Command = (command.SlotId, SlotCommandResult.KindOf(command)), SentAt = sentAt });

    /// <summary>A reply to <c>get_slots</c>, filled when the board's view arrives.</summary>
    public void AddSlotsRequest() => _replies.AddLast(new Reply { WantsSlots = true });

    /// <summary>Fills the command this result answers; false if none was waiting (it was already answered as not confirmed).</summary>
    public bool FillCommand(SlotCommandResult result, Func<ReadOnlyMemory<byte>> render)
    {
        foreach (var reply in _replies)
        {
            if (reply.Bytes is not null || reply.Command != (result.SlotId, result.Kind)) continue;
            reply.Bytes = render();
            reply.BoardVersion = result.BoardVersion;
            return true;
        }
        return false;
    }

    /// <summary>The board answers one session's requests in order, so its answer fills the oldest waiting <c>get_slots</c>.</summary>
    public void FillOldestSlotsRequest(ReadOnlyMemory<byte> answer, long boardVersion)
    {
        foreach (var reply in _replies)
        {
            if (!reply.WantsSlots || reply.Bytes is not null) continue;
            reply.Bytes = answer;
            reply.BoardVersion = boardVersion;
            return;
        }
    }

    /// <summary>Fills every command sent before <paramref name="sentBefore"/> that is still unanswered.</summary>
    public void FillOverdue(long sentBefore, Func<int, SlotCommandKind, ReadOnlyMemory<byte>> render)
    {
        foreach (var reply in _replies)
            if (reply is { Bytes: null, Command: { } command } && reply.SentAt < sentBefore)
                reply.Bytes = render(command.SlotId, command.Kind);
    }

    /// <summary>Removes and returns the answers at the front that are ready, with the board version each shows (0: none).</summary>
    public IEnumerable<(ReadOnlyMemory<byte> Bytes, long BoardVersion)> TakeReady()
    {
        while (_replies.First?.Value is { Bytes: { } bytes } reply)
        {
            _replies.RemoveFirst();
            yield return (bytes, reply.BoardVersion);
        }
    }

    private sealed class Reply
    {
        public (int SlotId, SlotCommandKind Kind)? Command { get; init; }
        public bool WantsSlots { get; init; }
        public long SentAt { get; init; }
        public ReadOnlyMemory<byte>? Bytes { get; set; }
        public long BoardVersion { get; set; }
    }
}
