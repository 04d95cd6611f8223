using System.Collections.Immutable;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Catalog;

/// <summary>
/// The catalog's calendars as every node's registry should hold them: the stored ones (up to the catalog's event
/// <see cref="SequenceNr"/>) and, while a change of hours is being checked, that change swapped in ahead of being
/// stored (<see cref="Pending"/>; see <see cref="CalendarCatalog"/>). What the catalog publishes and answers to
/// <see cref="ReadCatalogView"/>, and what each node's <see cref="CatalogMirror"/> holds.
/// <para>
/// Views are ordered by (<see cref="SequenceNr"/>, <see cref="Revision"/>). The sequence number alone cannot order a
/// pending change and its withdrawal, which share one; the revision counts the catalog's publications, and each
/// incarnation of the catalog starts it from its start time in ticks (and above what its node's mirror holds), so that
/// a catalog restarted or handed over orders after its predecessor (a hand-over takes seconds; nodes' clocks agree far
/// better than that).
/// </para>
/// </summary>
public sealed record CatalogView(long SequenceNr, long Revision, ImmutableList<CalendarDefinition> Stored, CalendarDefinition? Pending)
{
    /// <summary>What a node holds before it has heard from the catalog: older than anything the catalog publishes.</summary>
    public static CatalogView None { get; } = new(-1, long.MinValue, ImmutableList<CalendarDefinition>.Empty, null);

    public bool HeardFromCatalog => SequenceNr >= 0;

    /// <summary>The calendars a reader sees: the stored ones with the pending change in place of its calendar.</summary>
    public IEnumerable<CalendarDefinition> Calendars =>
        Pending is { } pending ? Stored.Select(c => c.Id == pending.Id ? pending : c) : Stored;

    public bool IsAfter(CatalogView other) =>
        SequenceNr > other.SequenceNr || (SequenceNr == other.SequenceNr && Revision > other.Revision);

    /// <summary>The view after <paramref name="stored"/>, which must be the event right after this view's (trusted, as recovery trusts the journal).</summary>
    public CatalogView After(CalendarEventStored stored)
    {
        var state = CalendarCatalogState.Empty with { Calendars = Stored };
        return new CatalogView(stored.SequenceNr, stored.Revision, state.Apply(stored.Event).Calendars, Pending: null);
    }
}

/// <summary>
/// Published by the catalog once <paramref name="Event"/> is stored as its event <paramref name="SequenceNr"/>: a
/// node that holds the view of <c>SequenceNr - 1</c> applies it; one that holds an older view has missed one and reads
/// the whole view (<see cref="ReadCatalogView"/>).
/// </summary>
public sealed record CalendarEventStored(long SequenceNr, long Revision, ICalendarEvent Event);

/// <summary>Answered by the catalog with its current <see cref="CatalogView"/>, once it has recovered.</summary>
public sealed record ReadCatalogView
{
    public static ReadCatalogView Instance { get; } = new();
    private ReadCatalogView() { }
}

/// <summary>
/// The catalog's own stop message: the cluster singleton's hand-over message, and its back-off supervisor's final stop.
/// A write in flight finishes first (the journal holds commands while it persists); a check of hours under way is
/// refused as unavailable, and its pending change withdrawn.
/// </summary>
public sealed record StopCatalog
{
    public static StopCatalog Instance { get; } = new();
    private StopCatalog() { }
}

/// <summary>The DistributedPubSub topic the catalog publishes its views and stored events to.</summary>
public static class CatalogTopic
{
    public const string Name = "calendar-catalog";
}
