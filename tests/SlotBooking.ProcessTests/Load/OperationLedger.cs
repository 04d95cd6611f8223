namespace SlotBooking.ProcessTests.Load;

/// <summary>
/// What the clients know, per slot: how many operations the server confirmed as done, and how many were sent
/// but never answered (the server may or may not have done them). Refusals change nothing and count only in total.
/// </summary>
public sealed class OperationLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, int> _succeeded = SlotIds.All.ToDictionary(id => id, _ => 0);
    private readonly Dictionary<int, int> _unanswered = SlotIds.All.ToDictionary(id => id, _ => 0);
    private readonly List<(int Target, TaskCompletionSource Reached)> _waiters = [];
    private int _totalSucceeded;
    private int _totalRefused;

    /// <summary>Called before the frame is sent: an operation whose send fails half-way is still "maybe done".</summary>
    public void Sending(int slotId)
    {
        lock (_gate) _unanswered[slotId]++;
    }

    public void Answered(int slotId, bool success)
    {
        List<TaskCompletionSource> reached;
        lock (_gate)
        {
            _unanswered[slotId]--;
            if (!success)
            {
                _totalRefused++;
                return;
            }
            _succeeded[slotId]++;
            _totalSucceeded++;
            reached = _waiters.Where(w => _totalSucceeded >= w.Target).Select(w => w.Reached).ToList();
            _waiters.RemoveAll(w => _totalSucceeded >= w.Target);
        }
        foreach (var waiter in reached) waiter.TrySetResult();
    }

    /// <summary>Completes once the clients together have had <paramref name="count"/> confirmed successes.</summary>
    public Task WaitForSuccessesAsync(int count, TimeSpan timeout) => WaitForAsync(_ => count, timeout);

    /// <summary>Completes as soon as one more success has been confirmed than so far.</summary>
    public Task WaitForNextSuccessAsync(TimeSpan timeout) => WaitForAsync(succeeded => succeeded + 1, timeout);

    private async Task WaitForAsync(Func<int, int> target, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int count;
        lock (_gate)
        {
            count = target(_totalSucceeded);
            if (_totalSucceeded >= count) return;
            _waiters.Add((count, reached));
        }
        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {Tally().Succeeded} of {count} successful operations within {timeout.TotalSeconds:F0}s");
        }
    }

    public LedgerTally Tally()
    {
        lock (_gate)
        {
            var slots = SlotIds.All.ToDictionary(id => id, id => new SlotTally(_succeeded[id], _unanswered[id]));
            return new LedgerTally(slots, _totalRefused);
        }
    }
}

/// <param name="Succeeded">Operations the server answered with <c>success: true</c>: each must be exactly one stored event.</param>
/// <param name="Unanswered">Operations sent without an answer: each may or may not have been stored.</param>
public sealed record SlotTally(int Succeeded, int Unanswered);

public sealed record LedgerTally(IReadOnlyDictionary<int, SlotTally> Slots, int Refused)
{
    public int Succeeded => Slots.Values.Sum(s => s.Succeeded);
    public int Unanswered => Slots.Values.Sum(s => s.Unanswered);

    public override string ToString() =>
        $"{Succeeded} succeeded, {Refused} refused, {Unanswered} unanswered; per slot (succeeded/unanswered): " +
        string.Join(" ", Slots.Select(s => $"{s.Key}:{s.Value.Succeeded}/{s.Value.Unanswered}"));
}
