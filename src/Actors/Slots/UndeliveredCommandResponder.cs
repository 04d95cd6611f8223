using Akka.Actor;
using Akka.Event;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Slots;

/// <summary>
/// Answers slot commands that could not be delivered, so that the client learns it at once instead of waiting for its
/// command timeout. They were never decided, so nothing was stored for them. Two kinds, told apart by their shape:
/// <list type="bullet">
/// <item>A bare command was left in the mailbox of a slot (or day board) that stopped after a storage failure, or held
/// while it failed to recover: answered as a storage failure.</item>
/// <item>A command still in its envelope is one a shard region could not deliver: the entity's node is unreachable, or
/// its shard is moving. Storage was never asked, so it is answered as unreachable, not as a storage failure (and
/// <c>/health</c> hears nothing of it).</item>
/// </list>
/// </summary>
public sealed class UndeliveredCommandResponder : ReceiveActor
{
    public UndeliveredCommandResponder()
    {
        Receive<DeadLetter>(letter =>
        {
            if (letter.Sender.IsNobody() || AnswerTo(letter.Message) is not { } answer) return;
            letter.Sender.Tell(answer);
        });
    }

    private static SlotReply? AnswerTo(object message) => message switch
    {
        ISlotCommand command => SlotReply.StorageFailed(command),
        SlotEnvelope { Message: ISlotCommand command } => SlotReply.Unreachable(command),
        BoardEnvelope { Message: ISlotCommand command } => SlotReply.Unreachable(command),
        _ => null,
    };

    public static Props Props() => Akka.Actor.Props.Create(() => new UndeliveredCommandResponder());

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
