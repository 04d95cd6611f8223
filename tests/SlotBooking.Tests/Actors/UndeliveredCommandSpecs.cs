using Akka.Actor;
using Akka.Event;
using Akka.TestKit.Xunit2;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;

namespace SlotBooking.Tests.Actors;

/// <summary>A slot command that becomes a dead letter, bare or in a region's envelope, is answered at once with nothing stored.</summary>
public sealed class UndeliveredCommandSpecs : TestKit
{
    [Theory]
    [InlineData("bare")]
    [InlineData("slot envelope")]
    [InlineData("board envelope")]
    public void A_dead_command_is_answered_as_not_stored(string shape)
    {
        var responder = Sys.ActorOf(UndeliveredCommandResponder.Props());
        // Subscribed in PreStart: an Identify round trip proves it has run before the dead letter is published.
        responder.Tell(new Identify(1));
        ExpectMsg<ActorIdentity>();
        var command = new BookSlot(9, CorrelationId: 12);
        object message = shape switch
        {
            "bare" => command,
            "slot envelope" => new SlotEnvelope("slot-9", command),
            _ => new BoardEnvelope(BoardKey.Default, command),
        };

        Sys.EventStream.Publish(new DeadLetter(message, TestActor, ActorRefs.Nobody));

        var reply = ExpectMsg<SlotReply>();
        Assert.Equal(12, reply.CorrelationId);
        Assert.Equal(SlotOutcome.StorageFailed, reply.Result.Outcome);
    }

    [Fact]
    public void A_dead_read_is_not_answered()
    {
        var responder = Sys.ActorOf(UndeliveredCommandResponder.Props());
        responder.Tell(new Identify(1));
        ExpectMsg<ActorIdentity>();

        Sys.EventStream.Publish(new DeadLetter(new BoardEnvelope(BoardKey.Default, new ReadBoard(1)), TestActor, ActorRefs.Nobody));

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
