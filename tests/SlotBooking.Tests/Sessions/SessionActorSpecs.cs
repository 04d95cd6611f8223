using System.Collections.Immutable;
using System.Text;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Sessions;

namespace SlotBooking.Tests.Sessions;

/// <summary>A session driven through its sink, with probes for the slots, the board and the broadcaster, on a fake clock.</summary>
public sealed class SessionActorSpecs : TestKit
{
    private static readonly SessionSettings BaseSettings = new(
        MaxQueuedResponses: 8, StallTimeout: TimeSpan.FromSeconds(30), CommandTimeout: TimeSpan.FromSeconds(15),
        DrainTimeout: TimeSpan.FromSeconds(10), Clock: TimeProvider.System);

    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingSink _sink = new();
    private readonly TestProbe _slots;
    private readonly TestProbe _board;
    private readonly TestProbe _broadcaster;
    private readonly TestProbe _days;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SessionActorSpecs()
    {
        _board = CreateTestProbe();
        // The default calendar's board takes both its commands (routing them to its slots) and its reads.
        _slots = _board;
        _broadcaster = CreateTestProbe();
        _days = CreateTestProbe();
    }

    private (IActorRef Session, IBroadcastSubscriber Outbox) Start(SessionSettings? settings = null)
    {
        var session = Sys.ActorOf(SessionActor.Props(
            _sink, new SessionPeers(BoardRegionStandIns.Boards(Sys, _board.Ref, _days.Ref), _broadcaster.Ref, static _ => null), (settings ?? BaseSettings) with { Clock = _clock }, _stopped));
        return (session, _broadcaster.ExpectMsg<Subscribe>().Subscriber);
    }

    private static InboundFrame Frame(string json) => new(Encoding.UTF8.GetBytes(json));

    private static SlotReply Booked(ISlotCommand command, long version) =>
        new(command.CorrelationId, new SlotCommandResult(command.SlotId, SlotCommandKind.Book, SlotOutcome.Done, SlotMessages.Booked(command.SlotId)), version);

    private static SlotsUpdatePayload Update(long version) =>
        new(Encoding.UTF8.GetBytes($"{{\"type\":\"slots_update\",\"v\":{version}}}"), version, new SlotVersions(9, ImmutableArray.Create(0L)));

    [Fact]
    public async Task Answers_in_request_order_and_echoes_request_ids()
    {
        var (session, _) = Start();
        session.Tell(Frame("""{"type":"book_slot","slot_id":3,"request_id":"a"}"""));
        session.Tell(Frame("""{"type":"book_slot","slot_id":4}"""));
        var first = _slots.ExpectMsg<BookSlot>();
        var second = _slots.ExpectMsg<BookSlot>();
        Assert.Equal("a", first.RequestId);
        Assert.NotEqual(first.CorrelationId, second.CorrelationId);

        _slots.Reply(Booked(second, 1));
        Assert.True(await _sink.NothingSentWithinAsync(TimeSpan.FromMilliseconds(100)), "the second answer must wait for the first");
        _slots.Reply(Booked(first, 1));

        Assert.Equal("""{"type":"booking_response","success":true,"message":"Slot 3 booked successfully","slot_id":3,"request_id":"a"}""", await _sink.NextAsync());
        Assert.Equal("""{"type":"booking_response","success":true,"message":"Slot 4 booked successfully","slot_id":4}""", await _sink.NextAsync());
    }

    [Fact]
    public async Task A_late_answer_to_a_command_answered_not_confirmed_is_dropped()
    {
        var (session, _) = Start();
        session.Tell(Frame("""{"type":"book_slot","slot_id":9}"""));
        var first = _slots.ExpectMsg<BookSlot>();
        _clock.Advance(BaseSettings.CommandTimeout + TimeSpan.FromSeconds(1));
        Assert.Contains("did not confirm", await _sink.NextAsync());

        session.Tell(Frame("""{"type":"book_slot","slot_id":9}"""));
        var second = _slots.ExpectMsg<BookSlot>();
        // The first command's late answer arrives first: it answers nothing.
        session.Tell(Booked(first, 1));
        Assert.True(await _sink.NothingSentWithinAsync(TimeSpan.FromMilliseconds(100)));
        session.Tell(new SlotReply(second.CorrelationId, new SlotCommandResult(9, SlotCommandKind.Book, SlotOutcome.AlreadyBooked, SlotMessages.AlreadyBooked(9)), 1));
        Assert.Contains("Slot 9 is already booked", await _sink.NextAsync());
    }

    [Fact]
    public async Task A_slow_reader_gets_only_the_newest_of_the_broadcasts_that_came_while_it_was_busy()
    {
        var (_, outbox) = Start();
        _sink.StallSends = true;
        outbox.Offer(Update(1));
        Assert.Contains("\"v\":1", await _sink.NextAsync());

        outbox.Offer(Update(2));
        outbox.Offer(Update(3));
        outbox.Offer(Update(4));
        _sink.ReleaseSends();

        Assert.Contains("\"v\":4", await _sink.NextAsync());
        Assert.True(await _sink.NothingSentWithinAsync(TimeSpan.FromMilliseconds(100)));
        Assert.False(_sink.OverlappingSendSeen);
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_dropped_after_the_stall_timeout()
    {
        var (session, outbox) = Start(BaseSettings with { StallTimeout = TimeSpan.FromSeconds(1) });
        Watch(session);
        _sink.StallSends = true;
        outbox.Offer(Update(1));
        await _sink.NextAsync();
        // The stall is judged on the fake clock; the pending send alone starts the check (no command is in flight).
        _clock.Advance(TimeSpan.FromMilliseconds(900));
        ExpectNoMsg(TimeSpan.FromMilliseconds(400));
        _clock.Advance(TimeSpan.FromMilliseconds(200));

        await _sink.Aborted;
        ExpectTerminated(session);
        await _stopped.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Too_many_answers_owed_closes_with_1008()
    {
        var (session, _) = Start(BaseSettings with { MaxQueuedResponses = 2 });
        for (var i = 0; i < 3; i++) session.Tell(Frame("""{"type":"book_slot","slot_id":9}"""));
        Assert.Equal(1008, (await _sink.Closed).Code);
    }

    [Fact]
    public async Task Draining_answers_the_commands_in_flight_refuses_new_ones_then_closes_with_1001()
    {
        var (session, _) = Start();
        Watch(session);
        session.Tell(Frame("""{"type":"book_slot","slot_id":9}"""));
        var command = _slots.ExpectMsg<BookSlot>();

        session.Tell(DrainSession.Instance);
        session.Tell(Frame("""{"type":"book_slot","slot_id":10}"""));
        _slots.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        session.Tell(Booked(command, 1));

        Assert.Contains("Slot 9 booked successfully", await _sink.NextAsync());
        Assert.Contains("shutting down", await _sink.NextAsync());
        Assert.Equal(1001, (await _sink.Closed).Code);
        ExpectTerminated(session);
        _broadcaster.ExpectMsg<UnsubscribeAll>();
    }

    [Fact]
    public async Task A_client_close_is_answered_and_the_session_stops()
    {
        var (session, _) = Start();
        Watch(session);
        session.Tell(ClientClosed.Instance);
        Assert.Equal(1000, (await _sink.Closed).Code);
        ExpectTerminated(session);
    }

    [Fact]
    public async Task Get_slots_is_answered_from_the_board_with_its_request_id()
    {
        var (session, _) = Start();
        session.Tell(Frame("""{"type":"get_slots","request_id":"r-1"}"""));
        var read = _board.ExpectMsg<ReadBoard>();
        var view = new BoardView(true, [SlotState.Free(9)], 3, new SlotVersions(9, ImmutableArray.Create(0L)));
        _board.Reply(new BoardRead(read.CorrelationId, view));

        var answer = await _sink.NextAsync();
        Assert.StartsWith("""{"type":"slots_update","data":{"slots":[{"id":9""", answer);
        Assert.EndsWith(""","request_id":"r-1"}""", answer);
    }

    [Fact]
    public async Task A_broadcast_offered_after_the_session_stopped_is_not_sent()
    {
        var (session, outbox) = Start();
        Watch(session);
        session.Tell(ConnectionLost.Instance);
        ExpectTerminated(session);

        outbox.Offer(Update(1));
        Assert.True(await _sink.NothingSentWithinAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Draining_with_nothing_in_flight_closes_at_once_and_a_request_just_behind_it_meets_the_close()
    {
        var (session, _) = Start();
        session.Tell(DrainSession.Instance);
        session.Tell(Frame("""{"type":"book_slot","slot_id":9}"""));

        Assert.Equal(1001, (await _sink.Closed).Code);
        _slots.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.True(await _sink.NothingSentWithinAsync(TimeSpan.FromMilliseconds(100)), "the request must not be answered 'shutting down'");
    }

    [Fact]
    public async Task Get_slots_after_an_answer_carries_the_slot_version_answered_until_a_view_has_shown_it()
    {
        var (session, _) = Start();
        session.Tell(Frame("""{"type":"book_slot","slot_id":9}"""));
        session.Tell(Booked(_slots.ExpectMsg<BookSlot>(), 5));
        await _sink.NextAsync();

        // The board must answer with slot 9 at version 5 at least, whichever way the slot's report to it went.
        session.Tell(Frame("""{"type":"get_slots"}"""));
        var read = _board.ExpectMsg<ReadBoard>();
        Assert.Equal([new SlotAtVersion(9, 5)], read.Seen!);
        var booked = new SlotState(9, DateTimeOffset.UnixEpoch);
        _board.Reply(new BoardRead(read.CorrelationId, new BoardView(true, [booked], 7, new SlotVersions(9, ImmutableArray.Create(5L)))));
        await _sink.NextAsync();

        // That view showed it: the next read has nothing to wait for.
        session.Tell(Frame("""{"type":"get_slots"}"""));
        Assert.Null(_board.ExpectMsg<ReadBoard>().Seen);
    }
}
