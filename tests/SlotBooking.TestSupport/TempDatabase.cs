namespace SlotBooking.TestSupport;

/// <summary>
/// A fresh SQLite path of its own for one test; the file, its WAL companions and a signing key generated beside it
/// are deleted on dispose.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "slotbooking-tests");
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    public string Path { get; }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal", ".signing-key" })
        {
            try { File.Delete(Path + suffix); }
            catch (IOException) { /* still open by a host that failed to stop: the temp folder is swept by the OS */ }
        }
    }
}
