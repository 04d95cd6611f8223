using Akka.Actor;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Protocol;

namespace SlotBooking.Actors.Broadcast;

/// <summary>
/// Turns board changes into one serialised <c>slots_update</c> and offers the same bytes to every subscriber, calling
/// each directly: a broadcast to N clients is one loop here, not N actor messages. Broadcasts are paced: a change goes
/// out at once if none went out within <see cref="_interval"/>; changes that come faster are coalesced and the newest
/// state goes out when the interval ends. Under load every client then gets at most one update per interval instead
/// of one per change, and no change waits longer than that.
/// </summary>
public sealed class BroadcasterActor : ReceiveActor, IWithTimers
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly HashSet<IBroadcastSubscriber> _subscribers = [];
    private BoardChanged? _unsent;
    private SlotsUpdatePayload? _latest;
    private long _lastPublishedAt;

    public BroadcasterActor(TimeSpan interval, TimeProvider clock)
    {
        _interval = interval;
        _clock = clock;

        Receive<Subscribe>(m =>
        {
            if (_subscribers.Add(m.Subscriber) && _latest is not null) m.Subscriber.Offer(_latest);
        });
        Receive<Unsubscribe>(m => _subscribers.Remove(m.Subscriber));
        Receive<BoardChanged>(OnBoardChanged);
        Receive<PublishLatest>(_ => Publish());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="interval">The shortest time between two broadcasts; zero sends every change (still coalescing a burst already queued).</param>
    /// <param name="clock">Where the pacing reads time; the system clock when none is given.</param>
    public static Props Props(TimeSpan interval, TimeProvider? clock = null) =>
        Akka.Actor.Props.Create(() => new BroadcasterActor(interval, clock ?? TimeProvider.System));

    private void OnBoardChanged(BoardChanged change)
    {
        var alreadyPending = _unsent is not null;
        _unsent = change;
        if (alreadyPending) return;

        var wait = _interval - _clock.GetElapsedTime(_lastPublishedAt);
        if (wait > TimeSpan.Zero) Timers.StartSingleTimer(PublishLatest.Instance, PublishLatest.Instance, wait);
        // Publish after the changes already in the mailbox: a burst costs one serialisation.
        else Self.Tell(PublishLatest.Instance);
    }

    private void Publish()
    {
        if (_unsent is null) return;
        var message = new SlotsUpdateMessage(SlotsDataFactory.From(_unsent.Slots), _unsent.At);
        _latest = new SlotsUpdatePayload(ServerMessageSerializer.ToUtf8(message), _unsent.Version, _unsent.SlotVersions);
        _unsent = null;
        _lastPublishedAt = _clock.GetTimestamp();
        foreach (var subscriber in _subscribers) subscriber.Offer(_latest);
    }

    private sealed record PublishLatest
    {
        public static PublishLatest Instance { get; } = new();
    }
}
