using Akka.Actor;
using Akka.Event;
using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// A slot command that becomes a dead letter is answered at once with nothing stored: bare (left in the mailbox of an
/// entity that stopped after a storage failure) as a storage failure; in a region's envelope (never delivered) as
/// unreachable, not as a storage failure.
/// </summary>
public sealed class UndeliveredCommandSpecs : TestKit
{
    private void StartResponder()
    {
        var responder = Sys.ActorOf(UndeliveredCommandResponder.Props());
        // Subscribed in PreStart: an Identify round trip proves it has run before the dead letter is published.
        responder.Tell(new Identify(1));
        ExpectMsg<ActorIdentity>();
    }

    [Fact]
    public void A_dead_bare_command_is_answered_as_a_storage_failure()
    {
        StartResponder();

        Sys.EventStream.Publish(new DeadLetter(new BookSlot(9, CorrelationId: 12), TestActor, ActorRefs.Nobody));

        var reply = ExpectMsg<SlotReply>();
        Assert.Equal(12, reply.CorrelationId);
        Assert.Equal(SlotOutcome.StorageFailed, reply.Result.Outcome);
        Assert.Equal("Slot 9 could not be booked: the booking store is unavailable; try again shortly", reply.Result.Message);
    }

    [Theory]
    [InlineData("slot envelope", "book", "Slot 9 could not be booked: it cannot be reached right now; try again shortly")]
    [InlineData("board envelope", "book", "Slot 9 could not be booked: it cannot be reached right now; try again shortly")]
    [InlineData("slot envelope", "cancel", "Slot 9 could not be cancelled: it cannot be reached right now; try again shortly")]
    public void A_command_a_region_could_not_deliver_is_answered_as_unreachable(string shape, string kind, string text)
    {
        StartResponder();
        ISlotCommand command = kind == "book" ? new BookSlot(9, CorrelationId: 12) : new CancelSlot(9, CorrelationId: 12);
        object message = shape == "slot envelope" ? new SlotEnvelope("slot-9", command) : new BoardEnvelope(BoardKey.Default, command);

        Sys.EventStream.Publish(new DeadLetter(message, TestActor, ActorRefs.Nobody));

        var reply = ExpectMsg<SlotReply>();
        Assert.Equal(12, reply.CorrelationId);
        Assert.False(reply.Result.Success);
        Assert.Equal(SlotOutcome.Unreachable, reply.Result.Outcome);
        Assert.Equal(text, reply.Result.Message);
        Assert.Equal(0, reply.StateVersion);
    }

    [Fact]
    public void A_dead_read_is_not_answered()
    {
        StartResponder();

        Sys.EventStream.Publish(new DeadLetter(new BoardEnvelope(BoardKey.Default, new ReadBoard(1)), TestActor, ActorRefs.Nobody));

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
