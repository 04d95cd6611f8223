using Akka.Actor;
using Akka.TestKit;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// A read that carries the slot versions its reader has been answered at is answered with a view that shows them,
/// even when the slot's report to its board has not arrived (it takes another path, maybe through another node, than
/// the answer and the read after it). The default board, with a probe standing for the slots' region.
/// </summary>
public sealed class ReadAfterAnswerSpecs : IDisposable
{
    private static readonly DateTimeOffset BookedAt = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(BookedAt);
    private readonly PersistentSystem _system;
    private readonly TestProbe _slots;
    private readonly IActorRef _board;

    public ReadAfterAnswerSpecs()
    {
        _system = PersistentSystem.Start(_database.Path);
        var calendars = new CalendarRegistry(CalendarDefinition.Default(3, 5), []);
        CalendarLookup.Install(_system.System, calendars);
        _slots = _system.Kit.CreateTestProbe();
        var peers = new BoardPeers(_slots.Ref, _system.Kit.CreateTestProbe().Ref, _system.Kit.CreateTestProbe().Ref);
        _board = _system.System.ActorOf(BoardActor.Props(BoardKey.Default, calendars.Default, SlotActorSettings.Default with { Clock = _clock }, peers));
        // The default board asks every slot for its state when it starts; each is free.
        for (var i = 0; i < 3; i++)
        {
            var ask = _slots.ExpectMsg<SlotEnvelope>();
            Assert.IsType<ReportSlotState>(ask.Message);
            _slots.Reply(new SlotStateChanged(SlotState.Free(int.Parse(ask.EntityId["slot-".Length..])), 0));
        }
    }

    public void Dispose()
    {
        _system.Dispose();
        _database.Dispose();
    }

    private TestKitBase Kit => _system.Kit;

    /// <summary>A booking of slot 4 routed by the board and answered by the slot at version 1, whose report to the board is held back.</summary>
    private SlotReply BookFourReportHeldBack()
    {
        _board.Tell(new BookSlot(4, 1), Kit.TestActor);
        var routed = _slots.ExpectMsg<SlotEnvelope>();
        Assert.Equal("slot-4", routed.EntityId);
        _slots.LastSender.Tell(new SlotReply(1, new SlotCommandResult(4, SlotCommandKind.Book, SlotOutcome.Done, SlotMessages.Booked(4)), 1));
        return Kit.ExpectMsg<SlotReply>();
    }

    [Fact]
    public void A_read_after_an_answer_whose_report_has_not_arrived_asks_the_slot_and_shows_the_change()
    {
        var answer = BookFourReportHeldBack();

        _board.Tell(new ReadBoard(2) { Seen = [new SlotAtVersion(4, answer.StateVersion)] }, Kit.TestActor);

        // The board does not know version 1 of slot 4: it asks that slot for its state, and answers once it has it.
        var ask = _slots.ExpectMsg<SlotEnvelope>();
        Assert.Equal("slot-4", ask.EntityId);
        Assert.IsType<ReportSlotState>(ask.Message);
        Kit.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _slots.Reply(new SlotStateChanged(new SlotState(4, BookedAt), 1));
        var read = Kit.ExpectMsg<BoardRead>();
        Assert.Equal(2, read.CorrelationId);
        var view = read.View;
        Assert.True(view.IsReady);
        Assert.True(view.Slots.Single(s => s.SlotId == 4).IsBooked);
        Assert.Equal(1, view.SlotVersions.Of(4));
    }

    [Fact]
    public void A_read_whose_versions_the_board_has_is_answered_at_once_without_asking_a_slot()
    {
        var answer = BookFourReportHeldBack();
        _board.Tell(new SlotStateChanged(new SlotState(4, BookedAt), 1), _slots.Ref);

        _board.Tell(new ReadBoard(2) { Seen = [new SlotAtVersion(4, answer.StateVersion), new SlotAtVersion(3, 0)] }, Kit.TestActor);

        Assert.True(Kit.ExpectMsg<BoardRead>().View.Slots.Single(s => s.SlotId == 4).IsBooked);
        _slots.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Reads_waiting_for_a_report_that_never_comes_are_answered_not_ready_after_the_wait_limit()
    {
        BookFourReportHeldBack();

        _board.Tell(new ReadBoard(2) { Seen = [new SlotAtVersion(4, 1)] }, Kit.TestActor);
        _slots.ExpectMsg<SlotEnvelope>(e => e.Message is ReportSlotState);

        // The slot's report is lost: once the wait limit has passed, the reader is told the board is not ready rather
        // than shown a view without its change.
        _clock.Advance(SlotActorSettings.Default.ReadWaitLimit - TimeSpan.FromMilliseconds(1));
        Kit.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var read = Kit.ExpectMsg<BoardRead>();
        Assert.Equal(2, read.CorrelationId);
        Assert.False(read.View.IsReady);
    }
}
