namespace SlotBooking.Actors.Passivation;

/// <summary>
/// A child asks its parent to stop it, in the shape of Akka.Cluster.Sharding's <c>Passivate</c>: the parent holds
/// back the messages that arrive for the child meanwhile, sends <see cref="StopMessage"/> back to it, and delivers
/// what it held to a new incarnation once the child has stopped. Used by the accounts' and owners' parents, which are
/// not sharded yet; boards and slots passivate through sharding itself.
/// </summary>
public sealed record Passivate(object StopMessage);
