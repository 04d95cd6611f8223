using System.Collections.Immutable;
using System.Text;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Sessions;
using SlotBooking.Tests.Actors;

namespace SlotBooking.Tests.Sessions;

/// <summary>A session whose peers fail it: a read that is never answered, an answer that makes it throw.</summary>
public sealed class SessionFailureSpecs : TestKit
{
    private static readonly SessionSettings Settings = new(
        MaxQueuedResponses: 8, StallTimeout: TimeSpan.FromSeconds(30), CommandTimeout: TimeSpan.FromSeconds(15),
        DrainTimeout: TimeSpan.FromSeconds(10), Clock: TimeProvider.System);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 7, 30, 0, TimeSpan.Zero));
    private readonly RecordingSink _sink = new();
    private readonly TestProbe _slots;
    private readonly TestProbe _board;
    private readonly TestProbe _broadcaster;
    private readonly TestProbe _days;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SessionFailureSpecs()
    {
        _board = CreateTestProbe();
        // The default calendar's board takes both its commands (routing them to its slots) and its reads.
        _slots = _board;
        _broadcaster = CreateTestProbe();
        _days = CreateTestProbe();
    }

    private IActorRef Start(RequestTarget.Day? initialDay = null)
    {
        var peers = new SessionPeers(BoardRegionStandIns.Boards(Sys, _board.Ref, _days.Ref), _broadcaster.Ref, id => id == LabDay.Lab.Id ? LabDay.Lab : null);
        var session = Sys.ActorOf(SessionActor.Props(_sink, peers, Settings with { Clock = _clock }, _stopped, initialDay));
        _broadcaster.ExpectMsg<Subscribe>();
        return session;
    }

    private static InboundFrame Frame(string json) => new(Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task A_read_nobody_answers_gets_an_error_after_the_command_timeout_and_stops_holding_back_later_answers()
    {
        var session = Start();
        session.Tell(Frame("""{"type":"get_slots","request_id":"r"}"""));
        _board.ExpectMsg<ReadBoard>();
        session.Tell(Frame("""{"type":"book_slot","slot_id":4}"""));
        var book = _slots.ExpectMsg<BookSlot>();
        _slots.Reply(new SlotReply(book.CorrelationId, new SlotCommandResult(4, SlotCommandKind.Book, SlotOutcome.Done, SlotMessages.Booked(4)), 1));
        Assert.True(await _sink.NothingSentWithinAsync(TimeSpan.FromMilliseconds(100)), "the booking's answer waits for the read's");

        _clock.Advance(Settings.CommandTimeout + TimeSpan.FromSeconds(1));

        Assert.Equal("""{"type":"error","message":"The slots could not be read within 15 s; ask again shortly","request_id":"r"}""", await _sink.NextAsync());
        Assert.Contains("Slot 4 booked successfully", await _sink.NextAsync());
    }

    [Fact]
    public async Task A_session_that_throws_closes_with_1011_once_and_is_not_restarted()
    {
        var session = Start(new RequestTarget.Day(LabDay.Lab, LabDay.Thursday));
        Watch(session);
        var read = (ReadBoard)_days.ExpectMsg<BoardEnvelope>().Message;

        // A malformed view (two states for one hour; a bug in whatever answered) makes the session's rendering throw.
        var twice = ImmutableArray.Create(SlotState.Free(9), SlotState.Free(9));
        session.Tell(new BoardRead(read.CorrelationId, new BoardView(true, twice, 1, SlotVersions.None)));

        Assert.Equal(1011, (await _sink.Closed).Code);
        ExpectTerminated(session);
        // A restart would have run the session's start again, which reads the day again (and would throw again).
        _days.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }
}
