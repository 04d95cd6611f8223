using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;
using PubSub = Akka.Cluster.Tools.PublishSubscribe;

namespace SlotBooking.Actors.Broadcast;

/// <summary>
/// One per node. Turns each board's changes into one serialised <c>slots_update</c> and offers the same bytes to every
/// local subscriber of that board, calling each directly: a broadcast to N clients is one loop here, not N actor messages.
/// <list type="bullet">
/// <item>Boards publish their changes to their topic (<see cref="BoardTopic"/>) through DistributedPubSub. This node
/// subscribes to a board's topic when its first local subscriber comes and unsubscribes when the last one leaves; the
/// default board's topic it keeps, for the first update every connection gets.</item>
/// <item>Pub-sub is at most once, and a publish reaches only the nodes whose subscription has spread to the publisher.
/// So the board is read when the subscription is acknowledged (its latest view for the next subscribers), once more when
/// the subscription has had time to spread, whenever its versions show a missed change (<see cref="BoardVersionCheck"/>),
/// and, every watched board, after a node joins or becomes reachable again and every
/// <see cref="BroadcastSettings.ResyncInterval"/> (a lost publish that no later change reveals).</item>
/// <item>Broadcasts are paced per board: a change goes out at once if none went out within the interval; changes that
/// come faster are coalesced and the newest state goes out when the interval ends. Under load every client then gets
/// at most one update per interval and board instead of one per change, and no change waits longer than that.</item>
/// </list>
/// </summary>
public sealed class BroadcasterActor : ReceiveActor, IWithTimers
{
    private readonly IActorRef _mediator;
    private readonly Boards _boards;
    private readonly BroadcastSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<BoardKey, Audience> _audiences = [];

    /// <param name="mediator">The node's DistributedPubSub mediator, where this broadcaster subscribes to boards' topics.</param>
    /// <param name="boards">Where boards are read, as a session's <c>get_slots</c> reads them.</param>
    public BroadcasterActor(IActorRef mediator, Boards boards, BroadcastSettings settings)
    {
        _mediator = mediator;
        _boards = boards;
        _settings = settings;

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
        Receive<PubSub.SubscribeAck>(OnSubscribed);
        Receive<PubSub.UnsubscribeAck>(_ => { });
        Receive<ReadAgain>(m => Read(m.Board));
        Receive<BoardReadBack>(OnReadBack);
        Receive<ReadFailed>(OnReadFailed);
        Receive<PublishLatest>(m => Publish(m.Board));
        // Told by the host (a cluster subscription): a node that joins, or comes back after being unreachable, may hold
        // boards whose publishes missed this node meanwhile. Every watched board is read once the subscriptions have spread.
        Receive<ClusterEvent.MemberUp>(_ => ReadAllAfterSpread());
        Receive<ClusterEvent.ReachableMember>(_ => ReadAllAfterSpread());
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<ReadAll>(_ =>
        {
            foreach (var board in _audiences.Keys) Read(board);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef mediator, Boards boards, BroadcastSettings settings) =>
        Akka.Actor.Props.Create(() => new BroadcasterActor(mediator, boards, settings));

    protected override void PreStart()
    {
        AudienceOf(BoardKey.Default);
        if (_settings.ResyncInterval is { } resync) Timers.StartPeriodicTimer(ReadAll.Instance, ReadAll.Instance, resync);
    }

    private Audience AudienceOf(BoardKey board)
    {
        if (_audiences.TryGetValue(board, out var audience)) return audience;
        _audiences[board] = audience = new Audience();
        _mediator.Tell(new PubSub.Subscribe(BoardTopic.Of(board), Self));
        return audience;
    }

    private void Leave(BoardKey board, IBroadcastSubscriber subscriber)
    {
        if (!_audiences.TryGetValue(board, out var audience) || !audience.Subscribers.Remove(subscriber)) return;
        if (audience.Subscribers.Count > 0 || board == BoardKey.Default) return;
        // Nobody here watches this day: nothing worth keeping for later (a new watch reads the day).
        _audiences.Remove(board);
        Timers.Cancel(new PublishLatest(board));
        Timers.Cancel(new ReadAgain(board));
        _mediator.Tell(new PubSub.Unsubscribe(BoardTopic.Of(board), Self));
    }

    private void OnSubscribed(PubSub.SubscribeAck ack)
    {
        // An acknowledgement for an audience that has left already finds nothing to read for.
        if (BoardTopic.KeyOf(ack.Subscribe.Topic) is not { } board || !_audiences.ContainsKey(board)) return;
        Read(board);
        var again = new ReadAgain(board);
        Timers.StartSingleTimer(again, again, _settings.SubscriptionSpread);
    }

    // Under its own key, so that it neither replaces the periodic resync nor is replaced by it.
    private void ReadAllAfterSpread() => Timers.StartSingleTimer(ReadAllAfterSpreadKey.Instance, ReadAll.Instance, _settings.SubscriptionSpread);

    private void OnBoardChanged(BoardChanged change)
    {
        // A change published before this node's unsubscribe reached the topic.
        if (!_audiences.TryGetValue(change.Board, out var audience)) return;
        var verdict = BoardVersionCheck.OfChange(audience.Taken, change.Version, audience.TakenSlots, change.SlotVersions);
        if (verdict == VersionVerdict.Ignore) return;
        if (verdict == VersionVerdict.TakeAndRead)
            _log.Debug("Board {0} changed to version {1} after version {2}: reading it", change.Board, change.Version, audience.Taken);
        Take(audience, change);
        if (verdict == VersionVerdict.TakeAndRead) Read(change.Board);
    }

    /// <summary>Reads the board unless a read of it is already on its way (whose answer, with the changes, shows the newest).</summary>
    private void Read(BoardKey board)
    {
        if (!_audiences.TryGetValue(board, out var audience) || audience.Reading) return;
        audience.Reading = true;
        _boards.Ask<BoardView>(board, GetBoard.Instance, _settings.ReadTimeout, CancellationToken.None)
            .PipeTo(Self, success: view => new BoardReadBack(board, view), failure: cause => new ReadFailed(board, cause));
    }

    private void OnReadBack(BoardReadBack read)
    {
        if (!_audiences.TryGetValue(read.Board, out var audience)) return;
        audience.Reading = false;
        // A board whose slots are still loading answers a view that is not ready: its first ready view is published.
        if (!read.View.IsReady || BoardVersionCheck.OfRead(audience.Taken, read.View.Version) == VersionVerdict.Ignore) return;
        Take(audience, new BoardChanged(read.View.Slots, _settings.Clock.GetUtcNow(), read.View.Version, read.View.SlotVersions) { Board = read.Board });
    }

    private void OnReadFailed(ReadFailed failed)
    {
        if (_audiences.TryGetValue(failed.Board, out var audience)) audience.Reading = false;
        _log.Warning("Reading board {0} for its watchers failed: {1}", failed.Board, failed.Cause.Message);
    }

    private void Take(Audience audience, BoardChanged change)
    {
        audience.Taken = change.Version;
        audience.TakenSlots = change.SlotVersions;
        var alreadyPending = audience.Unsent is not null;
        audience.Unsent = change;
        if (alreadyPending) return;

        var publish = new PublishLatest(change.Board);
        var wait = _settings.Interval - _settings.Clock.GetElapsedTime(audience.LastPublishedAt);
        if (wait > TimeSpan.Zero) Timers.StartSingleTimer(publish, publish, wait);
        // Publish after the changes already in the mailbox: a burst costs one serialisation.
        else Self.Tell(publish);
    }

    private void Publish(BoardKey board)
    {
        if (!_audiences.TryGetValue(board, out var audience) || audience.Unsent is not { } change) return;
        audience.Unsent = null;
        if (Render(change) is not { } message) return;
        audience.Latest = new SlotsUpdatePayload(ServerMessageSerializer.ToUtf8(message), change.Version, change.SlotVersions) { Board = board };
        audience.LastPublishedAt = _settings.Clock.GetTimestamp();
        foreach (var subscriber in audience.Subscribers) subscriber.Offer(audience.Latest);
    }

    /// <summary>
    /// A day's slots with their times, from this node's calendar registry, as a session renders a <c>get_slots</c>;
    /// null for a day of a calendar this node does not know (none of its connections can watch it).
    /// </summary>
    private SlotsUpdateMessage? Render(BoardChanged change)
    {
        if (change.Board.Date is not { } date) return new SlotsUpdateMessage(SlotsDataFactory.From(change.Slots), change.At);
        if (CalendarLookup.For(Context.System).Find(change.Board.Calendar) is not { } calendar)
        {
            _log.Warning("Board {0} changed, but this node does not know calendar '{1}': not broadcast", change.Board, change.Board.Calendar);
            return null;
        }
        return new SlotsUpdateMessage(SlotsDataFactory.FromDay(calendar, date, change.Slots), change.At)
        {
            Calendar = calendar.Id,
            Date = date.ToDateOnly(),
        };
    }

    /// <summary>
    /// One board's subscribers, its change waiting for the pacing interval, its latest payload, the version of the
    /// newest view taken of it (from a change or a read) with its slots' versions, and whether a read of it is on its way.
    /// </summary>
    private sealed class Audience
    {
        public HashSet<IBroadcastSubscriber> Subscribers { get; } = [];
        public BoardChanged? Unsent { get; set; }
        public SlotsUpdatePayload? Latest { get; set; }
        public long LastPublishedAt { get; set; }
        public long? Taken { get; set; }
        public SlotVersions? TakenSlots { get; set; }
        public bool Reading { get; set; }
    }

    private sealed record PublishLatest(BoardKey Board);

    private sealed record ReadAgain(BoardKey Board);

    private sealed record ReadAll
    {
        public static ReadAll Instance { get; } = new();
    }

    private sealed record ReadAllAfterSpreadKey
    {
        public static ReadAllAfterSpreadKey Instance { get; } = new();
    }

    private sealed record BoardReadBack(BoardKey Board, BoardView View);

    private sealed record ReadFailed(BoardKey Board, Exception Cause);
}
