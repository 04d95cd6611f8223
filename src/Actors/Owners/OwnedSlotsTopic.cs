namespace SlotBooking.Actors.Owners;

/// <summary>
/// The DistributedPubSub topic every node's <see cref="OwnedSlotRelay"/> publishes its slots' <see cref="OwnedSlotChanged"/>
/// to, and every node's <see cref="OwnerIndex"/> hears: a slot runs on whichever node sharding put it, while its owner's
/// connections may be on any. The name is part of the cluster's protocol: nodes of one cluster must agree on it.
/// </summary>
public static class OwnedSlotsTopic
{
    public const string Name = "owned-slots";
}
