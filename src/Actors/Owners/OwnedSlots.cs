using System.Collections.Immutable;
using NodaTime;
using SlotBooking.Actors.Calendars;

namespace SlotBooking.Actors.Owners;

/// <summary>
/// One owner's slots as far as they are known: per slot (persistence id) the newest stored change that concerned the
/// owner, a booking by them or the end of one. Merging keeps the change with the higher sequence number, so the
/// journal's replay and live changes give the same result in any order, each counted once. Immutable.
/// </summary>
public sealed class OwnedSlots
{
    private readonly ImmutableDictionary<string, OwnedSlotChanged> _bySlot;

    private OwnedSlots(ImmutableDictionary<string, OwnedSlotChanged> bySlot, long version)
    {
        _bySlot = bySlot;
        Version = version;
    }

    public static OwnedSlots Empty { get; } = new(ImmutableDictionary<string, OwnedSlotChanged>.Empty, 0);

    /// <summary>
    /// The sum of the known sequence numbers: it grows with every merge that changes anything, and two read models
    /// that know the same changes (an actor and a later incarnation that replayed the journal) have the same version.
    /// </summary>
    public long Version { get; }

    /// <summary>Slots the owner has ever booked, current or not.</summary>
    public int Count => _bySlot.Count;

    /// <summary>The bookings the owner holds (the changes that booked them), whatever their dates: what a snapshot keeps.</summary>
    public IEnumerable<OwnedSlotChanged> Held => _bySlot.Values.Where(c => c.BookedAt is not null);

    /// <summary>An owner's slots from the bookings a snapshot kept.</summary>
    public static OwnedSlots Of(IEnumerable<OwnedSlotChanged> held) =>
        held.Aggregate(Empty, (slots, change) => slots.Merge(change));

    /// <summary>This state with <paramref name="change"/>, or this same instance when it is not newer than what is known of its slot.</summary>
    public OwnedSlots Merge(OwnedSlotChanged change)
    {
        var known = _bySlot.GetValueOrDefault(change.PersistenceId);
        if (known is not null && known.SequenceNr >= change.SequenceNr) return this;
        return new OwnedSlots(_bySlot.SetItem(change.PersistenceId, change), Version - (known?.SequenceNr ?? 0) + change.SequenceNr);
    }

    public OwnedSlots Merge(OwnedSlots other)
    {
        var merged = this;
        foreach (var change in other._bySlot.Values) merged = merged.Merge(change);
        return merged;
    }

    /// <summary>
    /// The bookings held at <paramref name="now"/>: the default calendar's first (by slot), then dated slots that have
    /// not ended, by start. A dated slot whose calendar <paramref name="findCalendar"/> no longer knows, or whose hour
    /// the clocks skip, is left out: it has no time to show and cannot be booked or cancelled any more.
    /// </summary>
    /// <param name="times">
    /// Slot times already computed, by persistence id, reused and added to: a slot's times depend only on its calendar's
    /// zone, which never changes, and computing them for every booking at every push is most of a push's cost.
    /// </param>
    public IReadOnlyList<CurrentBooking> Current(Instant now, Func<string, CalendarDefinition?> findCalendar, Dictionary<string, SlotInterval>? times = null)
    {
        var bookings = new List<CurrentBooking>();
        foreach (var slot in _bySlot.Values)
        {
            if (slot.BookedAt is not { } bookedAt) continue;
            if (slot.Date is not { } date)
            {
                bookings.Add(new CurrentBooking(slot.CalendarId, null, slot.SlotId, null, null, bookedAt));
                continue;
            }
            if (findCalendar(slot.CalendarId) is not { Dated: true } calendar || slot.SlotId is < 0 or > 23) continue;
            if (times is null || !times.TryGetValue(slot.PersistenceId, out var interval))
            {
                if (SlotTimes.Of(calendar, date, slot.SlotId) is not { } computed) continue;
                interval = computed;
                times?.Add(slot.PersistenceId, interval);
            }
            if (interval.EndsAt <= now) continue;
            bookings.Add(new CurrentBooking(slot.CalendarId, date, slot.SlotId, interval.StartsAt, interval.EndsAt, bookedAt));
        }
        bookings.Sort(static (a, b) =>
        {
            var byStart = Nullable.Compare(a.StartsAt, b.StartsAt);
            if (byStart != 0) return byStart;
            var byCalendar = string.CompareOrdinal(a.CalendarId, b.CalendarId);
            return byCalendar != 0 ? byCalendar : a.SlotId.CompareTo(b.SlotId);
        });
        return bookings;
    }
}
