using SlotBooking.Client.Diagnostics;

namespace SlotBooking.Client.Fanout;

/// <summary>
/// The server's CPU time per <c>slots_update</c> it delivered to a listener: its CPU time from the first change
/// sent until every listener had seen the last completed change, divided by listeners × completed changes. The
/// connection phase is outside, and so is a change that did not complete. The writer's own copy of each update
/// is not counted as a frame, so the figure slightly overstates the cost with few listeners.
/// </summary>
public sealed class FrameCpuMeter(int? serverProcessId)
{
    private TimeSpan? _atFirstChange;
    private TimeSpan? _atLastCompleted;

    /// <summary>Just before the first change is sent.</summary>
    public void Start() => _atFirstChange = Read();

    /// <summary>Once every listener has seen a change.</summary>
    public void ChangeCompleted() => _atLastCompleted = Read();

    /// <returns>Microseconds per frame, or null without a readable server process or a completed change.</returns>
    public double? MicrosecondsPerFrame(int listeners, int completedChanges) =>
        _atFirstChange is { } start && _atLastCompleted is { } end ? PerFrame(end - start, listeners, completedChanges) : null;

    public static double? PerFrame(TimeSpan serverCpu, int listeners, int completedChanges) =>
        listeners > 0 && completedChanges > 0
            ? Math.Round(serverCpu.TotalMicroseconds / ((double)listeners * completedChanges), 2)
            : null;

    private TimeSpan? Read() => serverProcessId is { } id ? ProcessCpu.Of(id) : null;
}
