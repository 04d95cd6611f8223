using System.Collections.Immutable;
using System.Text;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Owners;
using SlotBooking.Actors.Sessions;

namespace SlotBooking.Tests.Sessions;

public sealed class OutboundQueueTests
{
    private readonly OutboundQueue _queue = new();

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static PendingRequest Command(long correlationId, int slotId = 9) =>
        new(correlationId, AnswerEcho.None, new BookSlot(slotId, correlationId), SentAt: correlationId);

    /// <summary>A broadcast of the board at <paramref name="version"/>, showing slot 9 at <paramref name="slotNine"/>.</summary>
    private static SlotsUpdatePayload Broadcast(long version, long slotNine = 0) =>
        new(Bytes($"update {version}"), version, new SlotVersions(9, ImmutableArray.Create(slotNine)));

    private List<string> TakeAll()
    {
        var taken = new List<string>();
        while (_queue.TryTake(out var frame)) taken.Add(Encoding.UTF8.GetString(frame.Span));
        return taken;
    }

    [Fact]
    public void Answers_go_in_request_order_whatever_order_they_come_in()
    {
        _queue.Expect(Command(1));
        _queue.Expect(Command(2));
        _queue.AddAnswer(Bytes("error 3"));

        Assert.True(_queue.TryAnswer(2, Bytes("answer 2"), ShownView.Nothing));
        Assert.Empty(TakeAll());
        Assert.True(_queue.TryAnswer(1, Bytes("answer 1"), ShownView.Nothing));

        Assert.Equal(["answer 1", "answer 2", "error 3"], TakeAll());
        Assert.True(_queue.IsEmpty);
        Assert.Equal(0, _queue.AnswersOwed);
    }

    [Fact]
    public void An_answer_for_no_awaited_request_is_dropped_and_fills_nothing()
    {
        _queue.Expect(Command(1));
        _queue.AnswerOverdue(sentBefore: 2, _ => Bytes("not confirmed 1"));
        Assert.Equal(["not confirmed 1"], TakeAll());

        // A later command for the same slot and kind is not filled by the first one's late answer.
        _queue.Expect(Command(2));
        Assert.False(_queue.TryAnswer(1, Bytes("late answer 1"), ShownView.Nothing));
        Assert.Empty(TakeAll());
        Assert.True(_queue.TryAnswer(2, Bytes("answer 2"), ShownView.Nothing));
        Assert.Equal(["answer 2"], TakeAll());
    }

    [Fact]
    public void Every_overdue_request_is_answered_reads_included_and_later_ones_wait()
    {
        _queue.Expect(Command(1));
        _queue.Expect(new PendingRequest(2, AnswerEcho.None, null, SentAt: 1)); // a board read: timed out as a command is
        _queue.Expect(Command(5));

        _queue.AnswerOverdue(sentBefore: 3, r => Bytes($"overdue {r.CorrelationId}"));

        // A read that gets no answer no longer holds back the answers after it.
        Assert.Equal(["overdue 1", "overdue 2"], TakeAll());
        Assert.Equal(1, _queue.Unanswered);
    }

    [Fact]
    public void At_most_one_broadcast_is_pending_and_the_newest_replaces_it_in_its_place()
    {
        _queue.OfferBroadcast(Broadcast(1));
        _queue.AddAnswer(Bytes("error"));
        _queue.OfferBroadcast(Broadcast(2));
        _queue.OfferBroadcast(Broadcast(3));

        Assert.Equal(["update 3", "error"], TakeAll());
    }

    [Fact]
    public void A_broadcast_older_than_the_pending_one_is_ignored()
    {
        _queue.OfferBroadcast(Broadcast(5));
        _queue.OfferBroadcast(Broadcast(4));
        Assert.Equal(["update 5"], TakeAll());
    }

    [Fact]
    public void Broadcasts_do_not_wait_for_unanswered_requests()
    {
        _queue.Expect(Command(1));
        _queue.OfferBroadcast(Broadcast(1));
        Assert.Equal(["update 1"], TakeAll());
    }

    [Fact]
    public void After_an_answer_no_broadcast_older_for_its_slot_is_sent()
    {
        _queue.Expect(Command(1));
        Assert.True(_queue.TryAnswer(1, Bytes("booked at 7"), ShownView.OfSlot(9, 7)));
        Assert.Equal(["booked at 7"], TakeAll());

        // Computed before the booking was stored: it would undo the answer.
        _queue.OfferBroadcast(Broadcast(10, slotNine: 6));
        Assert.Empty(TakeAll());

        _queue.OfferBroadcast(Broadcast(11, slotNine: 7));
        Assert.Equal(["update 11"], TakeAll());
    }

    [Fact]
    public void After_a_board_view_is_sent_no_older_broadcast_is()
    {
        _queue.Expect(new PendingRequest(1, AnswerEcho.None, null, 0));
        Assert.True(_queue.TryAnswer(1, Bytes("view 8"), ShownView.OfBoard(8, SlotVersions.None)));
        Assert.Equal(["view 8"], TakeAll());

        _queue.OfferBroadcast(Broadcast(7));
        Assert.Empty(TakeAll());
        _queue.OfferBroadcast(Broadcast(8));
        Assert.Equal(["update 8"], TakeAll());
    }

    [Fact]
    public void Clear_drops_everything_owed_and_unsent()
    {
        _queue.Expect(Command(1));
        _queue.AddAnswer(Bytes("error"));
        _queue.OfferBroadcast(Broadcast(1));

        _queue.Clear();

        Assert.Empty(TakeAll());
        Assert.True(_queue.IsEmpty);
        Assert.False(_queue.TryAnswer(1, Bytes("answer"), ShownView.Nothing));
    }

    private static readonly BoardKey LabDay = new("lab", new NodaTime.LocalDate(2026, 11, 26));

    private static SlotsUpdatePayload DayBroadcast(long version, long slotNine = 0) =>
        Broadcast(version, slotNine) with { Utf8 = Bytes($"day update {version}"), Board = LabDay };

    [Fact]
    public void Each_board_has_its_own_pending_broadcast()
    {
        _queue.OfferBroadcast(Broadcast(1));
        _queue.OfferBroadcast(DayBroadcast(1));
        _queue.OfferBroadcast(Broadcast(2));
        _queue.OfferBroadcast(DayBroadcast(2));

        Assert.Equal(["update 2", "day update 2"], TakeAll());
    }

    [Fact]
    public void An_answer_about_one_board_holds_back_only_that_boards_older_broadcasts()
    {
        _queue.Expect(Command(1));
        Assert.True(_queue.TryAnswer(1, Bytes("booked lab at 7"), ShownView.OfSlot(LabDay, 9, 7)));
        Assert.Equal(["booked lab at 7"], TakeAll());

        _queue.OfferBroadcast(Broadcast(10, slotNine: 2));
        _queue.OfferBroadcast(DayBroadcast(10, slotNine: 6));
        Assert.Equal(["update 10"], TakeAll());
    }

    [Fact]
    public void A_forgotten_board_sends_no_more_broadcasts()
    {
        _queue.OfferBroadcast(DayBroadcast(1));
        _queue.ForgetBoard(LabDay);
        Assert.Empty(TakeAll());
        Assert.True(_queue.IsEmpty);
    }

    private static MyBookingsPayload MyBookings(long version) => new(Bytes($"my bookings {version}"), version);

    [Fact]
    public void At_most_one_my_bookings_frame_is_pending_and_the_newest_replaces_it_in_its_place()
    {
        _queue.OfferMyBookings(MyBookings(0));
        _queue.AddAnswer(Bytes("error"));
        _queue.OfferMyBookings(MyBookings(1));
        _queue.OfferMyBookings(MyBookings(3));

        Assert.Equal(["my bookings 3", "error"], TakeAll());
        Assert.True(_queue.IsEmpty);
    }

    [Fact]
    public void A_my_bookings_frame_no_newer_than_the_newest_offered_is_ignored_even_once_that_one_was_sent()
    {
        _queue.OfferMyBookings(MyBookings(5));
        _queue.OfferMyBookings(MyBookings(4));
        Assert.Equal(["my bookings 5"], TakeAll());

        _queue.OfferMyBookings(MyBookings(5));
        _queue.OfferMyBookings(MyBookings(2));
        Assert.Empty(TakeAll());
        _queue.OfferMyBookings(MyBookings(6));
        Assert.Equal(["my bookings 6"], TakeAll());
    }

    [Fact]
    public void My_bookings_do_not_wait_for_unanswered_requests_and_answers_keep_their_order()
    {
        _queue.Expect(Command(1));
        _queue.Expect(Command(2));
        _queue.OfferMyBookings(MyBookings(1));
        Assert.True(_queue.TryAnswer(2, Bytes("answer 2"), ShownView.Nothing));
        Assert.Equal(["my bookings 1"], TakeAll());

        Assert.True(_queue.TryAnswer(1, Bytes("answer 1"), ShownView.Nothing));
        _queue.OfferMyBookings(MyBookings(2));
        Assert.Equal(["answer 1", "answer 2", "my bookings 2"], TakeAll());
    }

    [Fact]
    public void Once_my_bookings_end_a_pending_frame_is_dropped_and_no_later_one_is_taken()
    {
        _queue.OfferMyBookings(MyBookings(1));
        _queue.AddAnswer(Bytes("error"));
        _queue.EndMyBookings();
        _queue.OfferMyBookings(MyBookings(2));

        Assert.Equal(["error"], TakeAll());
        Assert.True(_queue.IsEmpty);
    }

    [Fact]
    public void Clear_drops_a_pending_my_bookings_frame()
    {
        _queue.OfferMyBookings(MyBookings(1));
        _queue.Clear();
        Assert.Empty(TakeAll());
        Assert.True(_queue.IsEmpty);
    }
}
