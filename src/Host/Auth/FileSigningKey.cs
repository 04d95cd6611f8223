using System.Text;
using SlotBooking.Host.Persistence;

namespace SlotBooking.Host.Auth;

/// <summary>
/// On SQLite, a generated key is kept in a file beside the database (<see cref="SigningKeyStore.KeyPathFor"/>), readable
/// by its owner only, so that one backup of the folder keeps tokens valid.
/// </summary>
public sealed class FileSigningKey(string path) : IGeneratedSigningKey
{
    public byte[] LoadOrCreate(byte[] generated)
    {
        if (File.Exists(path)) return Read();
        PrivateFiles.CreateFolder(Path.GetDirectoryName(path)!);
        // Written to a temporary file of this process's own and moved, so a crash never leaves half a key and two
        // processes starting at once never write one file; owner-only from the start, and on disk before the move.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = PrivateFiles.FileMode;
        try
        {
            using (var file = new FileStream(temporary, options))
            {
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(generated)));
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, so both sign alike.
            return Read();
        }
        finally
        {
            File.Delete(temporary);
        }
        return generated;
    }

    private byte[] Read() => IGeneratedSigningKey.Decode(File.ReadAllText(path), $"the file {path}");
}
