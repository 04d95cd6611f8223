using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Catalog;

/// <summary>
/// This node's copy of the catalog's view, and the one writer of the node's <see cref="CalendarRegistry"/>. Fed by the
/// node's <see cref="CatalogFollower"/> (what the catalog publishes) and, on the node that runs the catalog, by the
/// catalog itself before it answers, so that an admin's change is in that node's registry by the time the admin hears
/// of it. Both go through <see cref="CatalogFollowing"/>'s ordering under one lock, so the registry never goes back to
/// an older view whichever arrives first. One per node (per actor system), never static.
/// </summary>
public sealed class CatalogMirror(CalendarRegistry registry)
{
    private readonly Lock _gate = new();
    private CatalogView _held = CatalogView.None;

    public CatalogView Held
    {
        get
        {
            lock (_gate) return _held;
        }
    }

    public FollowOutcome Follow(CatalogView view)
    {
        lock (_gate) return Hold(CatalogFollowing.Follow(_held, view));
    }

    public FollowOutcome Follow(CalendarEventStored stored)
    {
        lock (_gate) return Hold(CatalogFollowing.Follow(_held, stored));
    }

    private FollowOutcome Hold((CatalogView Held, FollowOutcome Outcome) next)
    {
        if (next.Outcome != FollowOutcome.Applied) return next.Outcome;
        _held = next.Held;
        var calendars = _held.Calendars.ToArray();
        // The configured default stays; the catalog's calendars replace the others.
        registry.Update(snapshot => snapshot.WithOthers(calendars));
        return FollowOutcome.Applied;
    }
}
