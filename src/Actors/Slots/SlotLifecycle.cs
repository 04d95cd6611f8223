namespace SlotBooking.Actors.Slots;

/// <summary>
/// A child asks its parent to stop it, in the shape of Akka.Cluster.Sharding's <c>Passivate</c>: the parent holds
/// back the messages that arrive for the child meanwhile, sends <see cref="StopMessage"/> back to it, and delivers
/// what it held to a new incarnation once the child has stopped. A shard region can be the slot's parent the same way.
/// </summary>
public sealed record Passivate(object StopMessage);

/// <summary>The slot's own stop message: it stops once no write is in flight, so no Persist callback is cut short.</summary>
internal sealed record StopSlot
{
    public static StopSlot Instance { get; } = new();
}
