using System.Diagnostics;
using Akka.Actor;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Broadcast;

/// <summary>
/// Turns board changes into one serialised <c>slots_update</c> and hands the same bytes to every session.
/// Broadcasts are paced: a change goes out at once if none went out within <see cref="_interval"/>; changes that
/// come faster are coalesced and the newest state goes out when the interval ends. Under load every client
/// then gets at most one update per interval instead of one per change, and no change waits longer than that.
/// </summary>
public sealed class BroadcasterActor : ReceiveActor, IWithTimers
{
    private readonly TimeSpan _interval;
    private readonly HashSet<IActorRef> _sessions = [];
    private IActorRef _connectionsListener = ActorRefs.Nobody;
    private BoardChanged? _unsent;
    private SlotsUpdatePayload? _latest;
    private long _lastPublishedAt;

    public BroadcasterActor(TimeSpan interval)
    {
        _interval = interval;

        Receive<ReportConnectionsTo>(m =>
        {
            _connectionsListener = m.Listener;
            ReportConnections();
        });
        Receive<RegisterSession>(OnRegister);
        Receive<SessionEnded>(m =>
        {
            if (_sessions.Remove(m.Session)) ReportConnections();
        });
        Receive<BoardChanged>(OnBoardChanged);
        Receive<PublishLatest>(_ => Publish());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="interval">The shortest time between two broadcasts; zero sends every change (still coalescing a burst already queued).</param>
    public static Props Props(TimeSpan interval) => Akka.Actor.Props.Create(() => new BroadcasterActor(interval));

    private void OnRegister(RegisterSession m)
    {
        if (!_sessions.Add(m.Session)) return;
        Context.WatchWith(m.Session, new SessionEnded(m.Session));
        ReportConnections();
        if (_latest is not null) m.Session.Tell(_latest);
    }

    private void OnBoardChanged(BoardChanged change)
    {
        var alreadyPending = _unsent is not null;
        _unsent = change;
        if (alreadyPending) return;

        var wait = _interval - Stopwatch.GetElapsedTime(_lastPublishedAt);
        if (wait > TimeSpan.Zero) Timers.StartSingleTimer(PublishLatest.Instance, PublishLatest.Instance, wait);
        // Publish after the changes already in the mailbox: a burst costs one serialisation.
        else Self.Tell(PublishLatest.Instance);
    }

    private void Publish()
    {
        if (_unsent is null) return;
        var message = new SlotsUpdateMessage(SlotsDataFactory.From(_unsent.Slots), _unsent.At);
        var version = _unsent.Version;
        _unsent = null;
        _lastPublishedAt = Stopwatch.GetTimestamp();
        _latest = new SlotsUpdatePayload(ServerMessageSerializer.ToUtf8(message), version);
        foreach (var session in _sessions) session.Tell(_latest);
    }

    private void ReportConnections() => _connectionsListener.Tell(new ActiveConnectionsChanged(_sessions.Count));

    private sealed record SessionEnded(IActorRef Session);

    private sealed record PublishLatest
    {
        public static PublishLatest Instance { get; } = new();
    }
}
