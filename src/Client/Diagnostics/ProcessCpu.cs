using System.Diagnostics;
using System.Globalization;

namespace SlotBooking.Client.Diagnostics;

/// <summary>CPU time used so far by a process: this one, or another one by id through Linux's /proc.</summary>
public static class ProcessCpu
{
    // USER_HZ: the unit of /proc/PID/stat times. It is 100 on every mainstream Linux build.
    private const double ClockTicksPerSecond = 100;

    public static TimeSpan Current() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <returns>user + system time of the process, or null if it cannot be read (not Linux, or no such process).</returns>
    public static TimeSpan? Of(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command name (field 2) may contain spaces, so count fields after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var user = long.Parse(fields[11], CultureInfo.InvariantCulture);   // field 14, utime
            var system = long.Parse(fields[12], CultureInfo.InvariantCulture); // field 15, stime
            return TimeSpan.FromSeconds((user + system) / ClockTicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>CPU use over a wall-clock span as a percentage of one core (200% = two cores busy).</summary>
    public static double Percent(TimeSpan cpu, TimeSpan wall) =>
        wall <= TimeSpan.Zero ? 0 : Math.Round(cpu / wall * 100, 1);
}
