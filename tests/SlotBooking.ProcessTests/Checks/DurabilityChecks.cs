using SlotBooking.ProcessTests.Journal;
using SlotBooking.ProcessTests.Load;

namespace SlotBooking.ProcessTests.Checks;

/// <summary>
/// Compares what clients were told with what the journal file holds and what the restarted service reports.
/// Each check returns its violations, so one failure can list every slot that is wrong.
/// </summary>
public static class DurabilityChecks
{
    /// <summary>
    /// For each slot, after a round of load that ended abruptly: the history stored before the round is unchanged;
    /// each acknowledged success added exactly one event and each unanswered operation at most one
    /// (stored-before + succeeded &lt;= events &lt;= stored-before + succeeded + unanswered); events alternate
    /// booked, cancelled, ... from booked; sequence numbers run 1..E without gaps.
    /// </summary>
    /// <remarks>
    /// Counting from what was stored before the round, rather than from successes of all rounds, keeps the bounds
    /// exact when an earlier round's unanswered operation was in fact stored.
    /// </remarks>
    public static IEnumerable<string> RoundViolations(
        IReadOnlyDictionary<int, IReadOnlyList<StoredEvent>> before,
        IReadOnlyDictionary<int, IReadOnlyList<StoredEvent>> after,
        LedgerTally round)
    {
        foreach (var slotId in SlotIds.All)
        {
            var previous = before[slotId];
            var events = after[slotId];
            var tally = round.Slots[slotId];

            var changedAt = Enumerable.Range(0, Math.Min(previous.Count, events.Count)).FirstOrDefault(i => previous[i] != events[i], -1);
            if (events.Count < previous.Count || changedAt >= 0)
                yield return $"slot {slotId}: stored history changed; before the round {Describe(previous)}, now {Describe(events)}";

            var lowest = previous.Count + tally.Succeeded;
            var highest = lowest + tally.Unanswered;
            if (events.Count < lowest)
                yield return $"slot {slotId}: LOST acknowledged operations: {events.Count} events stored, but {previous.Count} were stored before " +
                             $"and {tally.Succeeded} more were acknowledged ({tally.Unanswered} unanswered)";
            if (events.Count > highest)
                yield return $"slot {slotId}: {events.Count} events stored, more than the {previous.Count} stored before + {tally.Succeeded} acknowledged " +
                             $"+ {tally.Unanswered} unanswered";

            for (var i = 0; i < events.Count; i++)
            {
                var expectedManifest = i % 2 == 0 ? StoredEvent.Booked : StoredEvent.Cancelled;
                if (events[i].SequenceNumber != i + 1 || events[i].Manifest != expectedManifest)
                {
                    yield return $"slot {slotId}: event {i + 1} should be #{i + 1} {expectedManifest}; history is {Describe(events)}";
                    break;
                }
            }
        }
    }

    /// <summary>Every slot is reported exactly once, booked exactly when its stored history has an odd length.</summary>
    public static IEnumerable<string> BoardViolations(
        IReadOnlyList<SlotSeen> board,
        IReadOnlyDictionary<int, IReadOnlyList<StoredEvent>> journal)
    {
        var ids = board.Select(s => s.Id).ToList();
        if (!ids.SequenceEqual(SlotIds.All))
            yield return $"the board lists slots [{string.Join(",", ids)}], expected {SlotIds.First}..{SlotIds.Last} once each";

        foreach (var slot in board.Where(s => journal.ContainsKey(s.Id)))
        {
            var stored = journal[slot.Id].Count;
            if (slot.IsBooked != (stored % 2 == 1))
                yield return $"slot {slot.Id}: reported {(slot.IsBooked ? "booked" : "free")} but the journal holds {stored} events";
        }
    }

    public static void AssertNone(IEnumerable<string> violations, string when)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, $"{when}:\n  " + string.Join("\n  ", list));
    }

    /// <summary>The count, and the start and end of the history, where a gap or a duplicate usually shows.</summary>
    private static string Describe(IReadOnlyList<StoredEvent> events)
    {
        const int Shown = 6;
        if (events.Count == 0) return "(no events)";
        var parts = events.Count <= 2 * Shown
            ? events.Select(Short)
            : events.Take(Shown).Select(Short).Append("...").Concat(events.Skip(events.Count - Shown).Select(Short));
        return $"{events.Count} events: {string.Join(", ", parts)}";
    }

    private static string Short(StoredEvent e) => $"#{e.SequenceNumber} {ShortName(e.Manifest)}";

    private static string ShortName(string manifest) => manifest switch
    {
        StoredEvent.Booked => "booked",
        StoredEvent.Cancelled => "cancelled",
        _ => manifest,
    };
}
