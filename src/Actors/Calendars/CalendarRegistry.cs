namespace SlotBooking.Actors.Calendars;

/// <summary>
/// The calendars the service knows, as one immutable <see cref="CalendarSnapshot"/> swapped atomically: reads take
/// no lock and never see half a change, and a change at run time (admin create, update, retire) is one swap.
/// One instance per service (a DI singleton), never static, so that tests and hosts in one process stay apart.
/// </summary>
public sealed class CalendarRegistry(CalendarSnapshot initial)
{
    private CalendarSnapshot _current = initial;

    public CalendarRegistry(CalendarDefinition defaultCalendar, IEnumerable<CalendarDefinition> others)
        : this(CalendarSnapshot.Create(defaultCalendar, others))
    {
    }

    /// <summary>The snapshot now; take it once when several reads must agree with each other.</summary>
    public CalendarSnapshot Current => Volatile.Read(ref _current);

    public IReadOnlyList<CalendarDefinition> All => Current.All;

    public CalendarDefinition Default => Current.Default;

    public bool TryGet(string id, out CalendarDefinition calendar) => Current.TryGet(id, out calendar);

    /// <summary>The calendar with this id now, or null: the lookup that sessions are given.</summary>
    public CalendarDefinition? Find(string id) => TryGet(id, out var calendar) ? calendar : null;

    /// <summary>Replaces every calendar at once; readers see the old snapshot or the new one, nothing between.</summary>
    public void Replace(CalendarSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref _current, next);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current snapshot and swaps in the result, retrying on a concurrent
    /// change so that none is lost. <paramref name="change"/> may run more than once: it must only compute.
    /// </summary>
    public CalendarSnapshot Update(Func<CalendarSnapshot, CalendarSnapshot> change)
    {
        while (true)
        {
            var seen = Current;
            var next = change(seen);
            ArgumentNullException.ThrowIfNull(next);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next, seen), seen))
                return next;
        }
    }
}
