using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// One per node: publishes every <see cref="OwnedSlotChanged"/> of this node's slots (which they put on the node's event
/// stream once stored) to <see cref="OwnedSlotsTopic"/>, so every node's owners' index hears it at once, this one's
/// included. Pub-sub is at most once: a change lost on the way is read from the journal at the index's next catch-up.
/// </summary>
public sealed class OwnedSlotRelay : ReceiveActor
{
    public OwnedSlotRelay(IActorRef mediator) =>
        Receive<OwnedSlotChanged>(change => mediator.Tell(new Publish(OwnedSlotsTopic.Name, change)));

    public static Props Props(IActorRef mediator) => Akka.Actor.Props.Create(() => new OwnedSlotRelay(mediator));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(OwnedSlotChanged));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
