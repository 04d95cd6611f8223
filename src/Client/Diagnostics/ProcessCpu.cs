using System.ComponentModel;
using System.Diagnostics;

namespace SlotBooking.Client.Diagnostics;

/// <summary>CPU time used so far by a process: this one, or another one on the same machine by id.</summary>
public static class ProcessCpu
{
    public static TimeSpan Current()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <returns>user + system time of the process, or null if it cannot be read (no such process, or it has exited).</returns>
    public static TimeSpan? Of(int processId)
    {
        try
        {
            // A fresh Process each time: nothing it read earlier can be handed back stale.
            using var process = Process.GetProcessById(processId);
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>CPU use over a wall-clock span as a percentage of one core (200% = two cores busy).</summary>
    public static double Percent(TimeSpan cpu, TimeSpan wall) =>
        wall <= TimeSpan.Zero ? 0 : Math.Round(cpu / wall * 100, 1);
}
