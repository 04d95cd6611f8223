using System.Runtime.InteropServices;

namespace SlotBooking.Host.Persistence;

/// <summary>
/// Which file a path names right now (device and inode), so that a database file deleted or replaced under
/// the running server is noticed although pooled connections still hold the old one open.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode)
{
    /// <summary>The identity of the file at <paramref name="path"/>, or null when there is none.</summary>
    /// <remarks>Runs on every journal connection open: one <c>stat</c> call, no allocation.</remarks>
    public static unsafe FileIdentity? Of(string path)
    {
        // Linux on x64 and arm64: struct stat starts with st_dev and st_ino, 8 bytes each. Elsewhere only existence is known.
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture is not (Architecture.X64 or Architecture.Arm64))
            return File.Exists(path) ? new FileIdentity(0, 0) : null;
        var buffer = stackalloc ulong[32]; // 256 bytes, more than struct stat needs
        if (NativeMethods.stat(path, buffer) != 0) return null;
        return new FileIdentity(buffer[0], buffer[1]);
    }
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int stat(string path, ulong* buffer);
}
