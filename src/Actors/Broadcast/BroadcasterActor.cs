using Akka.Actor;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Broadcast;

/// <summary>
/// Turns board changes into one serialised <c>slots_update</c> and hands the same bytes to every session.
/// Changes that arrive faster than they can be sent are coalesced: only the newest state is serialised.
/// </summary>
public sealed class BroadcasterActor : ReceiveActor
{
    private readonly HashSet<IActorRef> _sessions = [];
    private IActorRef _connectionsListener = ActorRefs.Nobody;
    private BoardChanged? _unsent;
    private SlotsUpdatePayload? _latest;
    private long _version;

    public BroadcasterActor()
    {
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

    public static Props Props() => Akka.Actor.Props.Create(() => new BroadcasterActor());

    private void OnRegister(RegisterSession m)
    {
        if (!_sessions.Add(m.Session)) return;
        Context.WatchWith(m.Session, new SessionEnded(m.Session));
        ReportConnections();
        if (_latest is not null) m.Session.Tell(_latest);
    }

    private void OnBoardChanged(BoardChanged change)
    {
        // Publish after the changes already in the mailbox: a burst of changes costs one serialisation.
        if (_unsent is null) Self.Tell(PublishLatest.Instance);
        _unsent = change;
    }

    private void Publish()
    {
        if (_unsent is null) return;
        var message = new SlotsUpdateMessage(SlotsDataFactory.From(_unsent.Slots), _unsent.At);
        _unsent = null;
        _latest = new SlotsUpdatePayload(ServerMessageSerializer.ToUtf8(message), ++_version);
        foreach (var session in _sessions) session.Tell(_latest);
    }

    private void ReportConnections() => _connectionsListener.Tell(new ActiveConnectionsChanged(_sessions.Count));

    private sealed record SessionEnded(IActorRef Session);

    private sealed record PublishLatest
    {
        public static PublishLatest Instance { get; } = new();
    }
}
