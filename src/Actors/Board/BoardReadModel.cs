using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;

namespace SlotBooking.Actors.Board;

/// <summary>
/// A board's read model, without the actor: which hours are touched (their slots may hold stored state), the last
/// state each slot reported with its stored version, and the board's own version. Ready once every touched hour's slot
/// has reported. Not thread-safe: its board actor is its only user.
/// <para>The board's version is derived from its slots' stored versions, which are durable and only grow: their sum,
/// plus one for a board that had touched hours when it started (the default board always). It is stored nowhere itself,
/// yet it never goes back when the board stops and starts again (it passivates, or moves to another node): touched
/// hours are journaled, so a board that started with some starts with some again; and a new incarnation is ready only
/// once every touched slot has reported its stored version, each at least what the last incarnation knew. So its first
/// view is at least as new as the last one shown, and equal only when nothing changed (each slot's version only grows,
/// so an equal sum is the same versions, the same states). An untouched hour's slot has stored nothing (its hour is
/// touched before its first command reaches it), so it counts 0, and touching an hour changes no version. The one
/// added makes the first view such a board publishes (even unchanged: the default board's, new) newer than the nothing
/// (version 0) a connection was shown before it.</para>
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
    // The sum of the reported slots' stored versions.
    private long _slotVersionSum;
    // 1 when the board had touched hours when it started (it publishes its first complete view), else 0.
    private long _startedTouched;

    public bool IsReady => _unreported == 0;

    /// <summary>
    /// The board's version once it is ready: the sum of its slots' stored versions, plus one if it had touched hours when
    /// it started. 0 before it is ready (a view that is not ready is never shown, and its partial sum could be older than
    /// what an earlier incarnation showed).
    /// </summary>
    public long Version => IsReady ? _startedTouched + _slotVersionSum : 0;

    /// <summary>The stored version of the hour's slot as last reported; 0 when it never reported.</summary>
    public long VersionOf(int hour) => (uint)hour < (uint)_known.Length ? _known[hour]?.Version ?? 0 : 0;

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
    public void Started()
    {
        _published = IsReady;
        _startedTouched = _touched.Count > 0 ? 1 : 0;
    }

    /// <summary>
    /// Records a slot's report. True when the board should publish its view: a change while ready, or the first time it
    /// is ready, even unchanged (the first view the default board's new watchers are sent). A stale report (older than
    /// the one known) or an unchanged one changes nothing.
    /// </summary>
    public bool Apply(SlotStateChanged change)
    {
        var hour = change.State.SlotId;
        var known = _known[hour];
        if (known is not null && (change.Version < known.Version || known == change)) return false;
        // A slot nobody had reported yet was shown as free: reporting just that (a new slot's recovery) is no change.
        var changed = change != (known ?? new SlotStateChanged(SlotState.Free(hour), 0));
        if (known is null && _touched.Contains(hour)) _unreported--;
        _slotVersionSum += change.Version - (known?.Version ?? 0);
        _known[hour] = change;
        if (!IsReady || (!changed && _published)) return false;
        // The first complete view is news to watchers even when no slot changed (a board whose touched slots stored
        // nothing yet is at version 1, newer than the nothing a connection has been shown before it).
        _published = true;
        return true;
    }

    /// <summary>The board's <paramref name="hours"/> (those its calendar lists that day) as they stand.</summary>
    public BoardView View(CalendarDefinition calendar, IReadOnlyList<int> hours) => BoardViews.Of(calendar, hours, _known, IsReady, Version);
}
