using System.Diagnostics;
using System.Collections.Immutable;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Tests.Actors;

public sealed class BroadcasterSpecs : TestKit
{
    private long _boardVersion;

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
        var broadcaster = Sys.ActorOf(BroadcasterActor.Props(TimeSpan.Zero));
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
        var broadcaster = Sys.ActorOf(BroadcasterActor.Props(TimeSpan.Zero));
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
        var broadcaster = Sys.ActorOf(BroadcasterActor.Props(TimeSpan.Zero));
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
        var broadcaster = Sys.ActorOf(BroadcasterActor.Props(TimeSpan.FromMilliseconds(500)));
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
        var broadcaster = Sys.ActorOf(BroadcasterActor.Props(interval));
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
        var lab = new SlotBooking.Actors.Calendars.CalendarDefinition(
            "lab", "Robotics lab", NodaTime.DateTimeZoneProviders.Tzdb["Europe/Berlin"], 8, 9, 14, 0);
        var day = new BoardKey("lab", new NodaTime.LocalDate(2026, 11, 26));
        var broadcaster = Sys.ActorOf(BroadcasterActor.Props(TimeSpan.Zero));
        var defaultWatcher = CreateTestProbe();
        var dayWatcher = CreateTestProbe();
        broadcaster.Tell(SubscribeProbe(defaultWatcher));
        broadcaster.Tell(new Subscribe(new ProbeSubscriber(dayWatcher.Ref)) { Board = day });

        broadcaster.Tell(Change(SlotState.Free(8), new SlotState(9, DateTimeOffset.UtcNow)) with { Board = day, Calendar = lab });

        var json = Text(dayWatcher.ExpectMsg<SlotsUpdatePayload>());
        Assert.Contains("\"calendar\":\"lab\",\"date\":\"2026-11-26\"", json);
        Assert.Contains("\"starts_at\":\"2026-11-26T07:00:00.000000+00:00\"", json);
        Assert.Contains("\"booked_slots\":[9]", json);
        defaultWatcher.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        broadcaster.Tell(Change(SlotState.Free(3)));
        defaultWatcher.ExpectMsg<SlotsUpdatePayload>();
        dayWatcher.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
