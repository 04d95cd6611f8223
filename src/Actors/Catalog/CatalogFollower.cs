using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;

namespace SlotBooking.Actors.Catalog;

/// <summary>
/// One per node: keeps the node's <see cref="CatalogMirror"/> (and so its calendar registry) equal to the catalog's
/// view. The catalog is a cluster singleton, the one writer of calendar changes; it publishes each stored event and
/// each whole view to <see cref="CatalogTopic"/>, which this actor subscribes to.
/// <para>
/// Why a singleton and pub-sub rather than distributed data or a sharded entity: changes are rare, must be checked
/// against one journal stream by one writer (persistence id <c>calendar-catalog</c>), and every node needs all of them.
/// DistributedPubSub delivers at most once, so a publication can be lost: the follower reads the whole view from the
/// catalog (<see cref="ReadCatalogView"/>) when it starts, when its subscription is acknowledged (publications before
/// it went nowhere) and once more when the subscription has had time to spread to the catalog's node (publications
/// in between missed this node), when a stored event shows a gap, when a member comes up (the catalog may have moved to it, or
/// published while this node was unreachable), and every <c>readEvery</c>, which bounds how long a lost last
/// publication (which no later one reveals) can go unnoticed. Reads and publications may cross; the view's version
/// orders them (<see cref="CatalogFollowing"/>).
/// </para>
/// </summary>
public sealed class CatalogFollower : ReceiveActor, IWithTimers
{
    private readonly CatalogMirror _mirror;
    private readonly IActorRef _mediator;
    private readonly IActorRef _catalog;
    private readonly TimeSpan _readEvery;
    private readonly TimeSpan _subscriptionSpread;
    // Who waits for the first view (start-up readiness).
    private readonly List<IActorRef> _waiting = [];

    public CatalogFollower(CatalogMirror mirror, IActorRef mediator, IActorRef catalog, TimeSpan readEvery, TimeSpan subscriptionSpread)
    {
        _mirror = mirror;
        _mediator = mediator;
        _catalog = catalog;
        _readEvery = readEvery;
        _subscriptionSpread = subscriptionSpread;

        Receive<CalendarEventStored>(stored => Followed(_mirror.Follow(stored)));
        Receive<CatalogView>(view => Followed(_mirror.Follow(view)));
        Receive<SubscribeAck>(_ =>
        {
            Read();
            Timers.StartSingleTimer(nameof(ReadAfterSpread), ReadAfterSpread.Instance, _subscriptionSpread);
        });
        Receive<ReadAfterSpread>(_ => Read());
        Receive<ClusterEvent.MemberUp>(_ => Read());
        // The cluster subscription's initial state: the read at start covers it.
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<ReadAgain>(_ => Read());
        Receive<WhenCatalogReady>(_ =>
        {
            if (_mirror.Held.HeardFromCatalog) Sender.Tell(CatalogReady.Instance);
            else _waiting.Add(Sender);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// <paramref name="mediator"/> is the node's DistributedPubSub mediator; <paramref name="catalog"/> the catalog's
    /// singleton proxy. Subscribe the follower to the cluster's <see cref="ClusterEvent.MemberUp"/> events too.
    /// <paramref name="subscriptionSpread"/> is how long a new subscription takes to reach every node's pub-sub registry.
    /// </summary>
    public static Props Props(CatalogMirror mirror, IActorRef mediator, IActorRef catalog, TimeSpan readEvery, TimeSpan subscriptionSpread) =>
        Akka.Actor.Props.Create(() => new CatalogFollower(mirror, mediator, catalog, readEvery, subscriptionSpread));

    protected override void PreStart()
    {
        _mediator.Tell(new Subscribe(CatalogTopic.Name, Self));
        Read();
        Timers.StartPeriodicTimer(nameof(ReadAgain), ReadAgain.Instance, _readEvery);
    }

    private void Followed(FollowOutcome outcome)
    {
        if (outcome == FollowOutcome.Missed) Read();
        if (_waiting.Count == 0 || !_mirror.Held.HeardFromCatalog) return;
        foreach (var waiter in _waiting) waiter.Tell(CatalogReady.Instance);
        _waiting.Clear();
    }

    /// <summary>Answered with a <see cref="CatalogView"/>; a read that gets no answer is repeated by the next occasion or the timer.</summary>
    private void Read() => _catalog.Tell(ReadCatalogView.Instance, Self);

    private sealed record ReadAfterSpread
    {
        public static ReadAfterSpread Instance { get; } = new();
    }

    private sealed record ReadAgain
    {
        public static ReadAgain Instance { get; } = new();
        private ReadAgain() { }
    }
}
