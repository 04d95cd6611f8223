using System.Diagnostics;

namespace SlotBooking.TestSupport;

/// <summary>
/// Whether this process (a test and the host it runs in-process) has gone back to idle: some two-second window, within
/// a deadline, in which it used less than a bound of one core. A loop left spinning by a fuzzer's input never does.
/// Meaningful only when no other test runs in the process at the time (a collection with parallelization off). The
/// bound is loose because an idle host is not at zero: in its first half minute the JIT recompiles hot code in the
/// background (measured at 20-60% of a core on a loaded 2-core machine, settling under 10%).
/// </summary>
public static class ProcessIdle
{
    /// <summary>The lowest share of one core measured in a window, the first one under <paramref name="bound"/> or the least of all.</summary>
    public static async Task<double> LowestLoadAsync(double bound = 0.3, TimeSpan? within = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((within ?? TimeSpan.FromSeconds(16)).TotalSeconds * Stopwatch.Frequency);
        var lowest = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(2));
            process.Refresh();
            var load = (process.TotalProcessorTime - cpuBefore).TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds;
            lowest = Math.Min(lowest, load);
            if (lowest < bound) break;
        }
        return lowest;
    }
}
