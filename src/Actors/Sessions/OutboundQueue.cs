using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Owners;

namespace SlotBooking.Actors.Sessions;

/// <summary>
/// What one session still has to send, in the order it must go. Not thread-safe (<see cref="SessionOutbox"/> guards it).
/// <list type="bullet">
/// <item>Answers go in the order the requests came: an answer that is ready waits for the ones before it.</item>
/// <item>At most one broadcast <c>slots_update</c> per board is pending: a newer one replaces it in its place, so a
/// slow reader skips to the newest state instead of piling up old ones. Broadcasts do not wait for unanswered requests.</item>
/// <item>No older view, per board: once the client has been sent a frame showing a board or slot version, a broadcast
/// of that board older than it is dropped (a newer broadcast is then on its way, since the board already has the
/// newer state).</item>
/// <item>At most one <c>my_bookings</c> frame is pending, like a board's broadcast: a newer one replaces it in its
/// place, and one no newer than the newest offered is ignored. It does not wait for unanswered requests either.</item>
/// </list>
/// </summary>
public sealed class OutboundQueue
{
    // Requests sent on and not yet answered, plus answered ones waiting behind them, in request order.
    private readonly LinkedList<Slot> _inOrder = new();
    private readonly Dictionary<long, LinkedListNode<Slot>> _byCorrelation = [];
    // Frames ready to send, in order; an entry with a board marks where that board's pending broadcast goes.
    private readonly Queue<Ready> _ready = new();
    private readonly Dictionary<BoardKey, BoardState> _boards = [];
    private int _readyAnswers;
    private MyBookingsPayload? _myBookings;
    private bool _myBookingsQueued;
    // The newest my_bookings version offered; -1 before the first (an owner with no bookings ever is at version 0).
    private long _myBookingsVersion = -1;

    /// <summary>Answers the client is owed: unanswered requests and answers not yet sent.</summary>
    public int AnswersOwed => _inOrder.Count + _readyAnswers;

    /// <summary>Requests sent on whose answer has not come.</summary>
    public int Unanswered => _byCorrelation.Count;

    /// <summary>Nothing to send and nothing owed.</summary>
    public bool IsEmpty => _inOrder.Count == 0 && _ready.Count == 0;

    /// <summary>A request whose answer will come later (<see cref="TryAnswer"/>).</summary>
    public void Expect(PendingRequest request) =>
        _byCorrelation.Add(request.CorrelationId, _inOrder.AddLast(new Slot { Request = request }));

    /// <summary>An answer that is ready now (an error), in its place after the answers owed before it.</summary>
    public void AddAnswer(ReadOnlyMemory<byte> bytes)
    {
        _inOrder.AddLast(new Slot { Bytes = bytes });
        MoveReadyAnswers();
    }

    /// <summary>The request a correlation id stands for, while its answer is still awaited.</summary>
    public bool TryGetPending(long correlationId, out PendingRequest request)
    {
        if (_byCorrelation.TryGetValue(correlationId, out var node))
        {
            request = node.Value.Request!;
            return true;
        }
        request = null!;
        return false;
    }

    /// <summary>
    /// Answers the request with this correlation id. False when none is awaited: the answer is late (the request was
    /// already answered as not confirmed) or unknown, and is dropped; nothing else is filled by it.
    /// </summary>
    public bool TryAnswer(long correlationId, ReadOnlyMemory<byte> bytes, ShownView shows)
    {
        if (!_byCorrelation.Remove(correlationId, out var node)) return false;
        node.Value.Bytes = bytes;
        node.Value.Shows = shows;
        MoveReadyAnswers();
        return true;
    }

    /// <summary>
    /// Answers every request (command or read) sent before <paramref name="sentBefore"/> that is still unanswered, so
    /// that one lost answer cannot hold back the answers after it.
    /// </summary>
    public void AnswerOverdue(long sentBefore, Func<PendingRequest, ReadOnlyMemory<byte>> render)
    {
        foreach (var slot in _inOrder)
        {
            if (slot.Request is not { } request || slot.Bytes is not null || request.SentAt >= sentBefore) continue;
            _byCorrelation.Remove(request.CorrelationId);
            slot.Bytes = render(request);
        }
        MoveReadyAnswers();
    }

    /// <summary>A broadcast: replaces the pending one, or takes its place at the end of what is ready. Older ones are ignored.</summary>
    public void OfferBroadcast(SlotsUpdatePayload update)
    {
        var board = StateOf(update.Board);
        if (update.Version <= (board.Pending?.Version ?? 0)) return;
        board.Pending = update;
        if (board.Queued) return;
        _ready.Enqueue(Ready.BroadcastOf(update.Board));
        board.Queued = true;
    }

    /// <summary>The owner's bookings: replaces the pending frame, or takes its place at the end of what is ready. Not newer than the newest offered: ignored.</summary>
    public void OfferMyBookings(MyBookingsPayload payload)
    {
        if (payload.Version <= _myBookingsVersion) return;
        _myBookingsVersion = payload.Version;
        _myBookings = payload;
        if (_myBookingsQueued) return;
        _ready.Enqueue(Ready.MyBookingsPlace);
        _myBookingsQueued = true;
    }

    /// <summary>The connection's identity has expired: an unsent <c>my_bookings</c> frame is dropped, and none offered later is taken.</summary>
    public void EndMyBookings()
    {
        _myBookingsVersion = long.MaxValue;
        _myBookings = null;
    }

    /// <summary>Forgets a board the client no longer watches: its pending broadcast is dropped, and its views with it.</summary>
    public void ForgetBoard(BoardKey board) => _boards.Remove(board);

    /// <summary>The next frame to send, if any; skips a broadcast older than what the client has been shown.</summary>
    public bool TryTake(out ReadOnlyMemory<byte> frame)
    {
        while (_ready.TryDequeue(out var next))
        {
            if (next.IsMyBookings)
            {
                _myBookingsQueued = false;
                // Dropped meanwhile (EndMyBookings): its place sends nothing.
                if (_myBookings is not { } mine) continue;
                frame = mine.Utf8;
                _myBookings = null;
                return true;
            }
            if (next.Broadcast is { } key)
            {
                // A board forgotten meanwhile has no state: its broadcast is not sent.
                if (!_boards.TryGetValue(key, out var board)) continue;
                board.Queued = false;
                var update = board.Pending!;
                if (!Show(ShownView.OfBoard(key, update.Version, update.SlotVersions))) continue;
                frame = update.Utf8;
                return true;
            }
            _readyAnswers--;
            Show(next.Shows);
            frame = next.Bytes;
            return true;
        }
        frame = default;
        return false;
    }

    /// <summary>Drops everything unsent and owed (the session is closing).</summary>
    public void Clear()
    {
        _inOrder.Clear();
        _byCorrelation.Clear();
        _ready.Clear();
        _boards.Clear();
        _readyAnswers = 0;
        _myBookings = null;
        _myBookingsQueued = false;
    }

    private void MoveReadyAnswers()
    {
        while (_inOrder.First?.Value is { Bytes: { } bytes } slot)
        {
            _inOrder.RemoveFirst();
            _ready.Enqueue(new Ready(bytes, slot.Shows, Broadcast: null));
            _readyAnswers++;
        }
    }

    /// <summary>
    /// Records what a frame about to be sent shows. A board view older than what was shown already is refused (false):
    /// older than an earlier view, or older for some slot than an answer already sent. Answers are always sent.
    /// </summary>
    private bool Show(ShownView shows)
    {
        if (shows.Slots is { } slots)
        {
            var board = StateOf(shows.Board);
            if (shows.BoardVersion < board.ShownVersion) return false;
            foreach (var (slotId, version) in board.AnsweredSlotVersions)
                if (slots.Of(slotId) < version) return false;
            board.ShownVersion = shows.BoardVersion;
            board.AnsweredSlotVersions.Clear();
        }
        else if (shows.SlotVersion > 0)
        {
            var board = StateOf(shows.Board);
            if (shows.SlotVersion > board.AnsweredSlotVersions.GetValueOrDefault(shows.SlotId))
                board.AnsweredSlotVersions[shows.SlotId] = shows.SlotVersion;
        }
        return true;
    }

    private BoardState StateOf(BoardKey key)
    {
        if (!_boards.TryGetValue(key, out var board)) _boards[key] = board = new BoardState();
        return board;
    }

    /// <summary>
    /// One board as this client has it: its pending broadcast (and whether its place is queued), the newest board
    /// version it was sent, and slot versions shown by answers it was sent that no view sent since has caught up with.
    /// </summary>
    private sealed class BoardState
    {
        public SlotsUpdatePayload? Pending { get; set; }
        public bool Queued { get; set; }
        public long ShownVersion { get; set; }
        public Dictionary<int, long> AnsweredSlotVersions { get; } = [];
    }

    private sealed class Slot
    {
        public PendingRequest? Request { get; init; }
        public ReadOnlyMemory<byte>? Bytes { get; set; }
        public ShownView Shows { get; set; }
    }

    /// <summary>
    /// An answer ready to send, or (with <see cref="Broadcast"/>) the place of that board's pending broadcast, or (with
    /// <see cref="IsMyBookings"/>) the place of the pending <c>my_bookings</c> frame.
    /// </summary>
    private readonly record struct Ready(ReadOnlyMemory<byte> Bytes, ShownView Shows, BoardKey? Broadcast, bool IsMyBookings = false)
    {
        public static Ready BroadcastOf(BoardKey board) => new(default, ShownView.Nothing, board);

        public static Ready MyBookingsPlace => new(default, ShownView.Nothing, null, IsMyBookings: true);
    }
}
