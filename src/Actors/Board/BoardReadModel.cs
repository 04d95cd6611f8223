using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Board;

/// <summary>
/// A board's read model, without the actor: which hours are touched (their slots may hold stored state), the last
/// state each slot reported with its stored version, and the board's own version, one more per change. Ready once
/// every touched hour's slot has reported. Not thread-safe: its board actor is its only user.
/// </summary>
public sealed class BoardReadModel
{
    private readonly HashSet<int> _touched = [];
    // The last report of each hour's slot (by hour, 0-23); null for an hour whose slot never reported.
    private readonly SlotStateChanged?[] _known = new SlotStateChanged?[BoardViews.HoursInDay];
    // Touched hours whose slot has not reported yet.
    private int _unreported;
    // The first complete view has been published.
    private bool _published;

    public bool IsReady => _unreported == 0;

    /// <summary>The board's version: how many changes it has shown.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<int> Touched => _touched;

    public bool IsTouched(int hour) => _touched.Contains(hour);

    public bool IsKnown(int hour) => _known[hour] is not null;

    /// <summary>The hour's slot may hold stored state: the board is not ready until it reports.</summary>
    public void Touch(int hour)
    {
        if (_touched.Add(hour) && _known[hour] is null) _unreported++;
    }

    /// <summary>
    /// A board that is ready before anything is reported (a day nobody touched) has nothing to publish: its view is read.
    /// Called once the board knows all its touched hours.
    /// </summary>
    public void Started() => _published = IsReady;

    /// <summary>
    /// Records a slot's report. True when the board should publish its view: a change while ready, or the first time it
    /// is ready, even unchanged (the first view the default board's new watchers are sent). A stale report (an earlier
    /// incarnation's) or an unchanged one after a restart changes nothing.
    /// </summary>
    public bool Apply(SlotStateChanged change)
    {
        var hour = change.State.SlotId;
        var known = _known[hour];
        if (known is not null && (change.Version < known.Version || known == change)) return false;
        // A slot nobody had reported yet was shown as free: reporting just that (a new slot's recovery) is no change.
        var changed = change != (known ?? new SlotStateChanged(SlotState.Free(hour), 0));
        if (known is null && _touched.Contains(hour)) _unreported--;
        _known[hour] = change;
        if (changed) Version++;
        if (!IsReady || (!changed && _published)) return false;
        // The first complete view is news to watchers even when no slot changed: it gets a version of its own, newer
        // than the nothing (version 0) a connection has been shown before it.
        if (!changed) Version++;
        _published = true;
        return true;
    }

    /// <summary>The board's <paramref name="hours"/> (those its calendar lists that day) as they stand.</summary>
    public BoardView View(CalendarDefinition calendar, IReadOnlyList<int> hours) => BoardViews.Of(calendar, hours, _known, IsReady, Version);
}
