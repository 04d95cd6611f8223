using Akka.Actor;
using Akka.Event;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Slots;

/// <summary>
/// Answers slot commands that could not be delivered: those left in the mailbox of a slot that stopped after a
/// storage failure, or held while it recovered, and those a shard region could not deliver (in their envelope). They
/// were never decided, so nothing was stored for them, and the client learns it at once instead of waiting for its
/// command timeout.
/// </summary>
public sealed class UndeliveredCommandResponder : ReceiveActor
{
    public UndeliveredCommandResponder()
    {
        Receive<DeadLetter>(letter =>
        {
            if (CommandIn(letter.Message) is not { } command || letter.Sender.IsNobody()) return;
            letter.Sender.Tell(SlotReply.StorageFailed(command));
        });
    }

    /// <summary>The command a dead letter holds: itself, or inside the envelope a shard region could not deliver.</summary>
    private static ISlotCommand? CommandIn(object message) => message switch
    {
        ISlotCommand command => command,
        SlotEnvelope { Message: ISlotCommand command } => command,
        BoardEnvelope { Message: ISlotCommand command } => command,
        _ => null,
    };

    public static Props Props() => Akka.Actor.Props.Create(() => new UndeliveredCommandResponder());

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
