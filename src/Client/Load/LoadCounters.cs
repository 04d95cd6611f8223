using SlotBooking.Client.Stats;

namespace SlotBooking.Client.Load;

/// <summary>
/// The tallies every client of a run adds to, from many tasks at once. Answers are counted only inside the
/// measurement window; errors are counted whenever they happen, because an error is never warm-up noise.
/// </summary>
public sealed class LoadCounters(MeasurementWindow window)
{
    private long _ops;
    private long _successes;
    private long _refusals;
    private long _updates;
    private long _errorMessages;
    private long _timeouts;
    private long _disconnects;
    private long _connectFailures;
    private long _unexpected;
    private readonly ErrorSamples _errorSamples = new();

    public LatencyHistogram Latency { get; } = new();

    public MeasurementWindow Window => window;

    public long Ops => Interlocked.Read(ref _ops);

    public long Refusals => Interlocked.Read(ref _refusals);

    public long Errors => Breakdown().Total;

    public void Answered(bool success, long startedAt, long answeredAt)
    {
        if (!window.Contains(answeredAt)) return;
        Interlocked.Increment(ref _ops);
        if (success) Interlocked.Increment(ref _successes);
        else Interlocked.Increment(ref _refusals);
        Latency.Record(MeasurementWindow.Between(startedAt, answeredAt));
    }

    public void SlotsUpdateReceived(long at)
    {
        if (window.Contains(at)) Interlocked.Increment(ref _updates);
    }

    public void ErrorMessage(string? message) => Error(ref _errorMessages, $"error message: {message}");

    public void Timeout(TimeSpan after) => Error(ref _timeouts, $"no answer within {after.TotalSeconds:0.#} s");

    public void Disconnect(string reason) => Error(ref _disconnects, $"disconnected: {reason}");

    public void ConnectFailures(IReadOnlyList<string> reasons)
    {
        foreach (var reason in reasons) Error(ref _connectFailures, $"connect failed: {reason}");
    }

    public void UnexpectedAnswer(string what) => Error(ref _unexpected, $"unexpected answer: {what}");

    public long Successes => Interlocked.Read(ref _successes);

    public long SlotsUpdates => Interlocked.Read(ref _updates);

    public IReadOnlyList<string> ErrorSamples => _errorSamples.First;

    public ErrorCounts Breakdown() => new(
        Interlocked.Read(ref _errorMessages),
        Interlocked.Read(ref _timeouts),
        Interlocked.Read(ref _disconnects),
        Interlocked.Read(ref _connectFailures),
        Interlocked.Read(ref _unexpected));

    private void Error(ref long counter, string sample)
    {
        Interlocked.Increment(ref counter);
        _errorSamples.Add(sample);
    }
}
