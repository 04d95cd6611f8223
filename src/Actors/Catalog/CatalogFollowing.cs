namespace SlotBooking.Actors.Catalog;

/// <summary>What a node did with a publication of the catalog.</summary>
public enum FollowOutcome
{
    /// <summary>It was newer than the held view and is held now.</summary>
    Applied,
    /// <summary>It was not newer than the held view (a duplicate, or overtaken by a read); nothing changed.</summary>
    Stale,
    /// <summary>A stored event beyond the next one: at least one was missed, so the node must read the whole view.</summary>
    Missed,
}

/// <summary>
/// How a node's copy of the catalog's view follows what the catalog publishes, as pure functions. DistributedPubSub
/// delivers at most once, in order per publisher and subscriber: a stored event is applied only onto the view right
/// before it, a whole view only when it is newer than the held one; anything older is ignored.
/// </summary>
public static class CatalogFollowing
{
    public static (CatalogView Held, FollowOutcome Outcome) Follow(CatalogView held, CatalogView view) =>
        view.IsAfter(held) ? (view, FollowOutcome.Applied) : (held, FollowOutcome.Stale);

    public static (CatalogView Held, FollowOutcome Outcome) Follow(CatalogView held, CalendarEventStored stored)
    {
        if (stored.SequenceNr <= held.SequenceNr) return (held, FollowOutcome.Stale);
        // Before any view the node cannot apply an event: it knows nothing to apply it onto.
        if (!held.HeardFromCatalog || stored.SequenceNr != held.SequenceNr + 1) return (held, FollowOutcome.Missed);
        return (held.After(stored), FollowOutcome.Applied);
    }
}
