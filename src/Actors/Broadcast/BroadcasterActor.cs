using Akka.Actor;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Broadcast;

/// <summary>
/// Turns each board's changes into one serialised <c>slots_update</c> and offers the same bytes to every subscriber of
/// that board, calling each directly: a broadcast to N clients is one loop here, not N actor messages. Broadcasts are
/// paced per board: a change goes out at once if none went out within <see cref="_interval"/>; changes that come
/// faster are coalesced and the newest state goes out when the interval ends. Under load every client then gets at
/// most one update per interval and board instead of one per change, and no change waits longer than that.
/// A dated day with no audience is forgotten; the default board is always kept, for the first update on connect.
/// </summary>
public sealed class BroadcasterActor : ReceiveActor, IWithTimers
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly Dictionary<BoardKey, Audience> _audiences = new() { [BoardKey.Default] = new Audience() };

    public BroadcasterActor(TimeSpan interval, TimeProvider clock)
    {
        _interval = interval;
        _clock = clock;

        Receive<Subscribe>(m =>
        {
            var audience = AudienceOf(m.Board);
            if (audience.Subscribers.Add(m.Subscriber) && audience.Latest is not null) m.Subscriber.Offer(audience.Latest);
        });
        Receive<Unsubscribe>(m => Leave(m.Board, m.Subscriber));
        Receive<UnsubscribeAll>(m =>
        {
            foreach (var board in _audiences.Keys.ToArray()) Leave(board, m.Subscriber);
        });
        Receive<BoardChanged>(OnBoardChanged);
        Receive<PublishLatest>(m => Publish(m.Board));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="interval">The shortest time between two broadcasts of a board; zero sends every change (still coalescing a burst already queued).</param>
    /// <param name="clock">Where the pacing reads time; the system clock when none is given.</param>
    public static Props Props(TimeSpan interval, TimeProvider? clock = null) =>
        Akka.Actor.Props.Create(() => new BroadcasterActor(interval, clock ?? TimeProvider.System));

    private Audience AudienceOf(BoardKey board)
    {
        if (!_audiences.TryGetValue(board, out var audience)) _audiences[board] = audience = new Audience();
        return audience;
    }

    private void Leave(BoardKey board, IBroadcastSubscriber subscriber)
    {
        if (!_audiences.TryGetValue(board, out var audience) || !audience.Subscribers.Remove(subscriber)) return;
        if (audience.Subscribers.Count == 0 && board != BoardKey.Default)
        {
            _audiences.Remove(board);
            Timers.Cancel(new PublishLatest(board));
        }
    }

    private void OnBoardChanged(BoardChanged change)
    {
        // Nobody watches this day: nothing to send, and nothing worth keeping for later (a watch reads the day).
        if (!_audiences.TryGetValue(change.Board, out var audience)) return;
        var alreadyPending = audience.Unsent is not null;
        audience.Unsent = change;
        if (alreadyPending) return;

        var publish = new PublishLatest(change.Board);
        var wait = _interval - _clock.GetElapsedTime(audience.LastPublishedAt);
        if (wait > TimeSpan.Zero) Timers.StartSingleTimer(publish, publish, wait);
        // Publish after the changes already in the mailbox: a burst costs one serialisation.
        else Self.Tell(publish);
    }

    private void Publish(BoardKey board)
    {
        if (!_audiences.TryGetValue(board, out var audience) || audience.Unsent is not { } change) return;
        audience.Latest = new SlotsUpdatePayload(ServerMessageSerializer.ToUtf8(Render(change)), change.Version, change.SlotVersions) { Board = board };
        audience.Unsent = null;
        audience.LastPublishedAt = _clock.GetTimestamp();
        foreach (var subscriber in audience.Subscribers) subscriber.Offer(audience.Latest);
    }

    private static SlotsUpdateMessage Render(BoardChanged change)
    {
        if (change is not { Calendar: { } calendar, Board.Date: { } date })
            return new SlotsUpdateMessage(SlotsDataFactory.From(change.Slots), change.At);
        return new SlotsUpdateMessage(SlotsDataFactory.FromDay(calendar, date, change.Slots), change.At)
        {
            Calendar = calendar.Id,
            Date = date.ToDateOnly(),
        };
    }

    /// <summary>One board's subscribers, its change waiting for the pacing interval, and its latest payload.</summary>
    private sealed class Audience
    {
        public HashSet<IBroadcastSubscriber> Subscribers { get; } = [];
        public BoardChanged? Unsent { get; set; }
        public SlotsUpdatePayload? Latest { get; set; }
        public long LastPublishedAt { get; set; }
    }

    private sealed record PublishLatest(BoardKey Board);
}
