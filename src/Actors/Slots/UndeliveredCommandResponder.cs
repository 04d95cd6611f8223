using Akka.Actor;
using Akka.Event;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Slots;

/// <summary>
/// Answers slot commands that could not be delivered: those left in the mailbox of a slot that stopped after a
/// storage failure, or held while it recovered. They were never decided, so nothing was stored for them, and
/// the client learns it at once instead of waiting for its command timeout.
/// </summary>
public sealed class UndeliveredCommandResponder : ReceiveActor
{
    public UndeliveredCommandResponder()
    {
        Receive<DeadLetter>(letter =>
        {
            if (letter.Message is not ISlotCommand command || letter.Sender.IsNobody()) return;
            letter.Sender.Tell(SlotReply.StorageFailed(command));
        });
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new UndeliveredCommandResponder());

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
