using System.Diagnostics;
using System.Collections.Immutable;
using Akka.Cluster;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using PubSub = Akka.Cluster.Tools.PublishSubscribe;

namespace SlotBooking.Tests.Actors;

public sealed class BroadcasterSpecs : TestKit
{
    private long _boardVersion;

    // Stand-ins for the node's pub-sub mediator and for the boards the broadcaster reads.
    private readonly TestProbe _mediator;
    // The boards' region: every read of a board, the default one or a day's, reaches it as a BoardEnvelope.
    private readonly TestProbe _boards;

    public BroadcasterSpecs()
    {
        _mediator = CreateTestProbe();
        _boards = CreateTestProbe();
    }

    private IActorRef StartBroadcaster(TimeSpan interval, TimeSpan? subscriptionSpread = null, TimeSpan? resync = null) =>
        Sys.ActorOf(BroadcasterActor.Props(_mediator.Ref, new Boards(_boards.Ref, ActorRefs.Nobody, static _ => null),
            new BroadcastSettings(interval, TimeProvider.System) { SubscriptionSpread = subscriptionSpread ?? TimeSpan.FromMinutes(1), ResyncInterval = resync }));

    /// <summary>A board change as the board sends it: each one a version newer than the last.</summary>
    private BoardChanged Change(params SlotState[] slots) => new([.. slots], DateTimeOffset.UtcNow, ++_boardVersion, SlotVersions.None);

    /// <summary>A subscriber that hands every offer to a probe, so expectations see what the broadcaster offered.</summary>
    private sealed class ProbeSubscriber(IActorRef probe) : IBroadcastSubscriber
    {
        public void Offer(SlotsUpdatePayload update) => probe.Tell(update);
    }

    private static Subscribe SubscribeProbe(TestKitBase probe) => new(new ProbeSubscriber(probe.TestActor));

    [Fact]
    public void Delivers_one_payload_to_every_session()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero);
        var sessions = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToList();
        foreach (var s in sessions) broadcaster.Tell(SubscribeProbe(s));

        broadcaster.Tell(Change(SlotState.Free(3), new SlotState(4, DateTimeOffset.UtcNow)));

        var payloads = sessions.Select(s => s.ExpectMsg<SlotsUpdatePayload>()).ToList();
        Assert.All(payloads, p => Assert.Same(payloads[0], p));
        var json = System.Text.Encoding.UTF8.GetString(payloads[0].Utf8.Span);
        Assert.Contains("\"type\":\"slots_update\"", json);
        Assert.Contains("\"booked_slots\":[4]", json);
    }

    [Fact]
    public void Forgets_an_unsubscribed_subscriber()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero);
        var staying = CreateTestProbe();
        var leaving = CreateTestProbe();
        var leavingSubscriber = new ProbeSubscriber(leaving.Ref);
        broadcaster.Tell(SubscribeProbe(staying));
        broadcaster.Tell(new Subscribe(leavingSubscriber));
        broadcaster.Tell(new Unsubscribe(leavingSubscriber));

        broadcaster.Tell(Change(SlotState.Free(3)));
        staying.ExpectMsg<SlotsUpdatePayload>();
        leaving.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_session_registering_later_gets_the_latest_state_at_once()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero);
        broadcaster.Tell(Change(SlotState.Free(3)));
        broadcaster.Tell(Change(new SlotState(3, DateTimeOffset.UtcNow)));

        var late = CreateTestProbe();
        broadcaster.Tell(SubscribeProbe(late));

        var payload = late.ExpectMsg<SlotsUpdatePayload>();
        Assert.Contains("\"booked_slots\":[3]", System.Text.Encoding.UTF8.GetString(payload.Utf8.Span));
        late.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_burst_of_changes_costs_two_broadcasts_the_first_and_the_newest()
    {
        var broadcaster = StartBroadcaster(TimeSpan.FromMilliseconds(500));
        var session = CreateTestProbe();
        broadcaster.Tell(SubscribeProbe(session));

        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 100; i++)
            broadcaster.Tell(Change(i % 2 == 0 ? new SlotState(3, now) : SlotState.Free(3)));

        // The first broadcast goes out at once, after whatever part of the burst is already in the mailbox; the rest
        // is coalesced into one more, when the interval ends. Either way the last one shows the newest state (i = 99 frees the slot).
        var payloads = new List<SlotsUpdatePayload> { session.ExpectMsg<SlotsUpdatePayload>() };
        while (session.ReceiveWhile(TimeSpan.FromMilliseconds(900), m => (SlotsUpdatePayload)m, 1) is [var next]) payloads.Add(next);
        Assert.InRange(payloads.Count, 1, 2);
        Assert.Contains("\"available_slots\":[3]", Text(payloads[^1]));
    }

    [Fact]
    public void Paces_broadcasts_sending_the_first_change_at_once_and_the_newest_after_the_interval()
    {
        var interval = TimeSpan.FromSeconds(1);
        var broadcaster = StartBroadcaster(interval);
        var session = CreateTestProbe();
        broadcaster.Tell(SubscribeProbe(session));
        var now = DateTimeOffset.UtcNow;
        // A first broadcast, unmeasured (it also JIT-compiles the serialiser), then a quiet interval.
        broadcaster.Tell(Change(SlotState.Free(3)));
        session.ExpectMsg<SlotsUpdatePayload>(TimeSpan.FromSeconds(5));
        session.ExpectNoMsg(interval + TimeSpan.FromMilliseconds(100));

        // After a quiet interval a change goes out at once: well before the interval could have ended.
        broadcaster.Tell(Change(new SlotState(3, now)));
        Assert.Contains("\"booked_slots\":[3]", Text(session.ExpectMsg<SlotsUpdatePayload>(interval / 2)));
        var lastSent = Stopwatch.GetTimestamp();

        // Changes within the interval wait for its end, and only the newest goes out. Judged by when the paced one
        // arrives rather than by a quiet window, which a stalled test machine can overrun.
        broadcaster.Tell(Change(new SlotState(3, now), new SlotState(4, now)));
        broadcaster.Tell(Change(new SlotState(3, now), new SlotState(4, now), new SlotState(5, now)));
        var paced = session.ExpectMsg<SlotsUpdatePayload>(TimeSpan.FromSeconds(5));
        var waited = Stopwatch.GetElapsedTime(lastSent);
        Assert.True(waited >= interval / 2, $"the paced broadcast came {waited.TotalMilliseconds:0} ms after the last one; the interval is {interval.TotalMilliseconds:0} ms");
        Assert.Contains("\"booked_slots\":[3,4,5]", Text(paced));
        session.ExpectNoMsg(interval + TimeSpan.FromMilliseconds(200));
    }

    private static string Text(SlotsUpdatePayload payload) => System.Text.Encoding.UTF8.GetString(payload.Utf8.Span);

    [Fact]
    public void Each_board_is_broadcast_only_to_its_own_audience_and_a_day_carries_its_calendar_date_and_times()
    {
        var lab = new CalendarDefinition(
            "lab", "Robotics lab", NodaTime.DateTimeZoneProviders.Tzdb["Europe/Berlin"], 8, 9, 14, 0);
        var day = new BoardKey("lab", new NodaTime.LocalDate(2026, 11, 26));
        // The day's times come from this node's calendar registry, as a get_slots renders them.
        CalendarLookup.Install(Sys, new CalendarRegistry(CalendarDefinition.Default(3, 14), [lab]));
        var broadcaster = StartBroadcaster(TimeSpan.Zero);
        var defaultWatcher = CreateTestProbe();
        var dayWatcher = CreateTestProbe();
        broadcaster.Tell(SubscribeProbe(defaultWatcher));
        broadcaster.Tell(new Subscribe(new ProbeSubscriber(dayWatcher.Ref)) { Board = day });

        broadcaster.Tell(Change(SlotState.Free(8), new SlotState(9, DateTimeOffset.UtcNow)) with { Board = day });

        var json = Text(dayWatcher.ExpectMsg<SlotsUpdatePayload>());
        Assert.Contains("\"calendar\":\"lab\",\"date\":\"2026-11-26\"", json);
        Assert.Contains("\"starts_at\":\"2026-11-26T07:00:00.000000+00:00\"", json);
        Assert.Contains("\"booked_slots\":[9]", json);
        defaultWatcher.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        broadcaster.Tell(Change(SlotState.Free(3)));
        defaultWatcher.ExpectMsg<SlotsUpdatePayload>();
        dayWatcher.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Subscribes_to_a_boards_topic_for_its_first_watcher_and_unsubscribes_after_the_last_keeping_the_default_boards()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero);
        Assert.Equal("board/default", _mediator.ExpectMsg<PubSub.Subscribe>().Topic);
        var day = new BoardKey("lab", new NodaTime.LocalDate(2026, 11, 26));
        var first = new ProbeSubscriber(CreateTestProbe().Ref);
        var second = new ProbeSubscriber(CreateTestProbe().Ref);

        broadcaster.Tell(new Subscribe(first) { Board = day });
        broadcaster.Tell(new Subscribe(second) { Board = day });
        var subscribe = _mediator.ExpectMsg<PubSub.Subscribe>();
        Assert.Equal("board/lab/2026-11-26", subscribe.Topic);
        Assert.Equal(broadcaster, subscribe.Ref);

        broadcaster.Tell(new Unsubscribe(first) { Board = day });
        broadcaster.Tell(new UnsubscribeAll(second));
        Assert.Equal("board/lab/2026-11-26", _mediator.ExpectMsg<PubSub.Unsubscribe>().Topic);
        // The default board's audience is kept with nobody in it.
        _mediator.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Reads_the_board_when_its_subscription_is_acknowledged_so_a_new_watcher_gets_the_current_state()
    {
        // A board on another node published before this node's subscription reached it (akka.net 7627): nothing came.
        var broadcaster = StartBroadcaster(TimeSpan.Zero);
        var subscribe = _mediator.ExpectMsg<PubSub.Subscribe>();
        broadcaster.Tell(new PubSub.SubscribeAck(subscribe));

        _boards.ExpectMsg<BoardEnvelope>(e => e.Board == BoardKey.Default && e.Message is GetBoard);
        _boards.Reply(View(7, new SlotState(3, DateTimeOffset.UtcNow)));

        var watcher = CreateTestProbe();
        AwaitAssert(() =>
        {
            broadcaster.Tell(SubscribeProbe(watcher));
            var payload = watcher.ExpectMsg<SlotsUpdatePayload>(TimeSpan.FromMilliseconds(200));
            Assert.Equal(7, payload.Version);
            Assert.Contains("\"booked_slots\":[3]", Text(payload));
        });
    }

    [Fact]
    public void Reads_the_board_once_more_when_the_subscription_has_had_time_to_spread()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero, subscriptionSpread: TimeSpan.FromMilliseconds(300));
        var watcher = CreateTestProbe();
        broadcaster.Tell(SubscribeProbe(watcher));
        broadcaster.Tell(new PubSub.SubscribeAck(_mediator.ExpectMsg<PubSub.Subscribe>()));
        _boards.ExpectMsg<BoardEnvelope>(e => e.Board == BoardKey.Default && e.Message is GetBoard);
        _boards.Reply(View(1, SlotState.Free(3)));
        Assert.Equal(1, watcher.ExpectMsg<SlotsUpdatePayload>().Version);

        // A change published in the window before every node knew of this subscription is missed; the second read has it.
        _boards.ExpectMsg<BoardEnvelope>(e => e.Board == BoardKey.Default && e.Message is GetBoard, TimeSpan.FromSeconds(5));
        _boards.Reply(View(2, new SlotState(3, DateTimeOffset.UtcNow)));
        var payload = watcher.ExpectMsg<SlotsUpdatePayload>();
        Assert.Equal(2, payload.Version);
        Assert.Contains("\"booked_slots\":[3]", Text(payload));
    }

    [Fact]
    public void A_missed_version_makes_it_read_the_board_and_broadcast_what_the_board_holds()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero);
        var watcher = CreateTestProbe();
        broadcaster.Tell(SubscribeProbe(watcher));
        var now = DateTimeOffset.UtcNow;

        broadcaster.Tell(Change(1, SlotState.Free(3), SlotState.Free(4)));
        broadcaster.Tell(Change(2, new SlotState(3, now), SlotState.Free(4)));
        // Either both go out or they are coalesced into one; the newest is 2.
        watcher.FishForMessage<SlotsUpdatePayload>(p => p.Version == 2);
        _boards.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // Version 3 was lost on its way; 4 comes. It is shown (it is the whole board), and the board is read.
        broadcaster.Tell(Change(4, new SlotState(3, now), new SlotState(4, now)));
        Assert.Equal(4, watcher.ExpectMsg<SlotsUpdatePayload>().Version);
        _boards.ExpectMsg<BoardEnvelope>(e => e.Board == BoardKey.Default && e.Message is GetBoard);
        // Meanwhile the board moved on, and that publish was lost too: the read brings it.
        _boards.Reply(View(5, SlotState.Free(3), new SlotState(4, now)));
        var fresh = watcher.ExpectMsg<SlotsUpdatePayload>();
        Assert.Equal(5, fresh.Version);
        Assert.Contains("\"booked_slots\":[4]", Text(fresh));
    }

    [Fact]
    public void A_read_older_than_what_was_broadcast_is_not_broadcast()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero);
        var watcher = CreateTestProbe();
        broadcaster.Tell(SubscribeProbe(watcher));
        var now = DateTimeOffset.UtcNow;
        broadcaster.Tell(Change(1, SlotState.Free(3)));
        broadcaster.Tell(Change(3, new SlotState(3, now)));
        _boards.ExpectMsg<BoardEnvelope>(e => e.Board == BoardKey.Default && e.Message is GetBoard);
        watcher.FishForMessage<SlotsUpdatePayload>(p => p.Version == 3);

        // The read was answered before version 3 was published: nothing newer than what the watchers have.
        _boards.Reply(View(2, SlotState.Free(3)));
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Version_checks_take_the_next_read_on_a_gap_and_ignore_a_repeat_or_an_older_version()
    {
        Assert.Equal(VersionVerdict.Take, BoardVersionCheck.OfChange(null, 12));
        Assert.Equal(VersionVerdict.Take, BoardVersionCheck.OfChange(4, 5));
        Assert.Equal(VersionVerdict.TakeAndRead, BoardVersionCheck.OfChange(4, 6));
        // Versions only grow, across a board's incarnations too: an older change is older news.
        Assert.Equal(VersionVerdict.Ignore, BoardVersionCheck.OfChange(9, 2));
        // A batch of two events on one slot raises the version by two and misses nothing; two slots moved may have.
        Assert.Equal(VersionVerdict.Take, BoardVersionCheck.OfChange(4, 6, new SlotVersions(3, [1, 1]), new SlotVersions(3, [3, 1])));
        Assert.Equal(VersionVerdict.TakeAndRead, BoardVersionCheck.OfChange(4, 6, new SlotVersions(3, [1, 1]), new SlotVersions(3, [2, 2])));
        Assert.Equal(VersionVerdict.Ignore, BoardVersionCheck.OfChange(4, 4));
        Assert.Equal(VersionVerdict.Take, BoardVersionCheck.OfRead(null, 0));
        Assert.Equal(VersionVerdict.Take, BoardVersionCheck.OfRead(4, 5));
        Assert.Equal(VersionVerdict.Ignore, BoardVersionCheck.OfRead(4, 4));
        Assert.Equal(VersionVerdict.Ignore, BoardVersionCheck.OfRead(4, 3));
    }

    private static BoardChanged Change(long version, params SlotState[] slots) => new([.. slots], DateTimeOffset.UtcNow, version, SlotVersions.None);

    private static BoardView View(long version, params SlotState[] slots) => new(true, [.. slots], version, SlotVersions.None);

    [Fact]
    public void Reads_every_watched_board_once_subscriptions_have_spread_after_a_node_joins_or_comes_back()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero, subscriptionSpread: TimeSpan.FromMilliseconds(200));
        var day = new BoardKey("lab", new NodaTime.LocalDate(2026, 11, 26));
        broadcaster.Tell(new Subscribe(new ProbeSubscriber(CreateTestProbe().Ref)) { Board = day });
        // A member as a cluster makes one: this node's own, from a system with the cluster provider that joins nothing.
        using var other = ActorSystem.Create("other", """
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.loglevel = OFF
            """);
        var node = Akka.Cluster.Cluster.Get(other).SelfMember;

        broadcaster.Tell(new ClusterEvent.ReachableMember(node));

        // Both reads go through the boards' region, in either order.
        var read = new[] { _boards.ExpectMsg<BoardEnvelope>(TimeSpan.FromSeconds(5)), _boards.ExpectMsg<BoardEnvelope>(TimeSpan.FromSeconds(5)) };
        Assert.All(read, e => Assert.IsType<GetBoard>(e.Message));
        Assert.Equal(new[] { BoardKey.Default, day }.ToHashSet(), read.Select(e => e.Board).ToHashSet());
    }

    [Fact]
    public void A_lost_publish_of_the_last_change_reaches_the_watchers_at_the_next_resync()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero, resync: TimeSpan.FromMilliseconds(300));
        var watcher = CreateTestProbe();
        broadcaster.Tell(SubscribeProbe(watcher));
        var now = DateTimeOffset.UtcNow;
        broadcaster.Tell(Change(SlotState.Free(3)));
        Assert.Equal(1, watcher.ExpectMsg<SlotsUpdatePayload>().Version);

        // Version 2 is published and lost, and nothing follows it that would show a gap. The periodic read brings it.
        _boards.FishForMessage<BoardEnvelope>(e => e.Board == BoardKey.Default && e.Message is GetBoard, TimeSpan.FromSeconds(5));
        _boards.Reply(View(2, new SlotState(3, now)));
        var payload = watcher.ExpectMsg<SlotsUpdatePayload>();
        Assert.Equal(2, payload.Version);
        Assert.Contains("\"booked_slots\":[3]", Text(payload));

        // And it goes on reading, every interval.
        _boards.ExpectMsg<BoardEnvelope>(e => e.Message is GetBoard, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Without_a_resync_interval_nothing_reads_the_board_while_nothing_changes()
    {
        var broadcaster = StartBroadcaster(TimeSpan.Zero);
        broadcaster.Tell(SubscribeProbe(CreateTestProbe()));

        _boards.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }
}
