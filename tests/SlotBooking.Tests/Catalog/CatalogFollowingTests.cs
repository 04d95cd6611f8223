using System.Collections.Immutable;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;
using SlotBooking.Tests.Actors;

namespace SlotBooking.Tests.Catalog;

/// <summary>How a node's copy of the catalog's view follows publications that may be lost, repeated or overtaken by a read.</summary>
public sealed class CatalogFollowingTests
{
    private static readonly CalendarDefinition Lab = LabDay.Lab;

    private static CatalogView View(long sequenceNr, long revision, CalendarDefinition? pending = null, params CalendarDefinition[] stored) =>
        new(sequenceNr, revision, [.. stored.Length == 0 ? [Lab] : stored], pending);

    private static CalendarEventStored Renamed(long sequenceNr, long revision, string name) =>
        new(sequenceNr, revision, CalendarUpdated.Of(Lab with { Name = name }));

    [Fact]
    public void The_next_stored_event_is_applied_and_clears_a_pending_change()
    {
        var held = View(3, 10, pending: Lab with { LastHour = 17 });

        var (next, outcome) = CatalogFollowing.Follow(held, Renamed(4, 11, "Lab 2"));

        Assert.Equal(FollowOutcome.Applied, outcome);
        Assert.Equal((4L, 11L, (CalendarDefinition?)null), (next.SequenceNr, next.Revision, next.Pending));
        Assert.Equal(["Lab 2"], next.Calendars.Select(c => c.Name));
        // The pending hours were never stored: the event applies to the stored calendar.
        Assert.Equal(19, next.Calendars.Single().LastHour);
    }

    [Fact]
    public void A_stored_event_beyond_the_next_one_is_a_gap_and_changes_nothing()
    {
        var held = View(3, 10);

        var (next, outcome) = CatalogFollowing.Follow(held, Renamed(5, 12, "Lab 3"));

        Assert.Equal(FollowOutcome.Missed, outcome);
        Assert.Same(held, next);
    }

    [Fact]
    public void A_stored_event_before_any_view_is_a_gap()
    {
        Assert.Equal(FollowOutcome.Missed, CatalogFollowing.Follow(CatalogView.None, Renamed(1, 1, "Lab 2")).Outcome);
        Assert.Equal(FollowOutcome.Missed, CatalogFollowing.Follow(CatalogView.None, Renamed(0, 1, "Lab 2")).Outcome);
    }

    [Fact]
    public void Stale_events_and_views_are_ignored()
    {
        var held = View(4, 11, stored: Lab with { Name = "Lab 2" });

        Assert.Equal(FollowOutcome.Stale, CatalogFollowing.Follow(held, Renamed(4, 11, "Lab 2")).Outcome);
        Assert.Equal(FollowOutcome.Stale, CatalogFollowing.Follow(held, Renamed(3, 9, "Old")).Outcome);
        // A read answered before the last publication arrives after it.
        var (next, outcome) = CatalogFollowing.Follow(held, View(3, 10));
        Assert.Equal(FollowOutcome.Stale, outcome);
        Assert.Same(held, next);
        Assert.Equal(FollowOutcome.Stale, CatalogFollowing.Follow(held, View(4, 11)).Outcome);
    }

    [Fact]
    public void A_pending_change_and_its_withdrawal_share_a_sequence_number_and_are_ordered_by_revision()
    {
        var stored = View(4, 11);
        var pending = View(4, 12, pending: Lab with { LastHour = 17 });
        var withdrawn = View(4, 13);

        var (held, outcome) = CatalogFollowing.Follow(stored, pending);
        Assert.Equal(FollowOutcome.Applied, outcome);
        Assert.Equal(17, held.Calendars.Single().LastHour);
        (held, outcome) = CatalogFollowing.Follow(held, withdrawn);
        Assert.Equal(FollowOutcome.Applied, outcome);
        Assert.Equal(19, held.Calendars.Single().LastHour);
        // The pending view again (a read answered before the withdrawal): ignored.
        Assert.Equal(FollowOutcome.Stale, CatalogFollowing.Follow(held, pending).Outcome);
    }

    [Fact]
    public void The_mirror_writes_the_registry_beside_the_configured_default_and_never_goes_back()
    {
        var registry = new CalendarRegistry(LabDay.Default, [Lab]);
        var mirror = new CatalogMirror(registry);
        var gym = Lab with { Id = "gym", Name = "Gym" };

        Assert.Equal(FollowOutcome.Applied, mirror.Follow(View(2, 5, stored: [Lab, gym])));
        Assert.Equal(["default", "lab", "gym"], registry.All.Select(c => c.Id));
        Assert.Equal(FollowOutcome.Applied, mirror.Follow(new CalendarEventStored(3, 6, new CalendarRetired("gym"))));
        Assert.True(registry.Find("gym")!.Retired);

        Assert.Equal(FollowOutcome.Stale, mirror.Follow(View(2, 5, stored: [Lab, gym])));
        Assert.True(registry.Find("gym")!.Retired);
        Assert.Equal((3L, 6L), (mirror.Held.SequenceNr, mirror.Held.Revision));
    }
}
