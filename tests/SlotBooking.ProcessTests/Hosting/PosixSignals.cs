using System.ComponentModel;
using System.Runtime.InteropServices;

namespace SlotBooking.ProcessTests.Hosting;

/// <summary>
/// Sends SIGTERM the way a service manager or <c>docker stop</c> does. .NET's <c>Process.Kill</c> only sends
/// SIGKILL, and spawning <c>kill</c> would add a process of its own to the timing.
/// </summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    public static void Terminate(int pid)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("SIGTERM exists only on POSIX systems");
        if (kill(pid, SigTerm) != 0) throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({pid}, SIGTERM) failed");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
