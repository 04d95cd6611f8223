using System.Collections.Frozen;

namespace SlotBooking.Actors.Calendars;

/// <summary>
/// Every calendar at one moment: the default one first, then the others in the order given. Immutable, so a reader
/// that takes one snapshot sees a consistent set however the registry changes meanwhile.
/// </summary>
public sealed class CalendarSnapshot
{
    private readonly FrozenDictionary<string, CalendarDefinition> _byId;

    private CalendarSnapshot(CalendarDefinition defaultCalendar, IReadOnlyList<CalendarDefinition> all)
    {
        Default = defaultCalendar;
        All = all;
        _byId = all.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public CalendarDefinition Default { get; }

    /// <summary>The default calendar first, then the others in the order they were given (configuration order).</summary>
    public IReadOnlyList<CalendarDefinition> All { get; }

    public bool TryGet(string id, out CalendarDefinition calendar) => _byId.TryGetValue(id, out calendar!);

    /// <summary>
    /// Checks only what the registry itself relies on (one default, unique ids); the fields of each calendar are
    /// <see cref="CalendarValidator"/>'s job, done before a definition exists.
    /// </summary>
    public static CalendarSnapshot Create(CalendarDefinition defaultCalendar, IEnumerable<CalendarDefinition> others)
    {
        if (!defaultCalendar.IsDefault)
            throw new ArgumentException($"The default calendar must have the id '{CalendarDefinition.DefaultId}', not '{defaultCalendar.Id}'.", nameof(defaultCalendar));
        // Copied, so that a caller's list changed later cannot change a snapshot.
        CalendarDefinition[] all = [defaultCalendar, .. others];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var calendar in all)
        {
            if (!seen.Add(calendar.Id))
                throw new ArgumentException($"Calendar id '{calendar.Id}' is given more than once.", nameof(others));
        }
        return new CalendarSnapshot(defaultCalendar, Array.AsReadOnly(all));
    }

    /// <summary>The same default with other calendars beside it: what an admin change produces.</summary>
    public CalendarSnapshot WithOthers(IEnumerable<CalendarDefinition> others) => Create(Default, others);
}
