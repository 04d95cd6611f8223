using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Persistence;

namespace SlotBooking.Host.Auth;

/// <summary>
/// The key this server signs its own tokens with: <c>SlotBooking:Auth:SigningKey</c> when configured, else a random
/// 512-bit key generated on first start and kept in a file beside the database (readable by its owner only), so that
/// one backup of the folder keeps tokens valid. The key is never logged.
/// </summary>
public sealed class SigningKeyStore
{
    private const int GeneratedKeyBytes = 64;
    private readonly Lazy<SymmetricSecurityKey> _key;

    public SigningKeyStore(IOptions<AuthOptions> auth, IOptions<SlotBookingOptions> slotBooking)
    {
        var configured = auth.Value.SigningKey;
        var keyPath = KeyPathFor(slotBooking.Value.DatabaseFullPath);
        _key = new Lazy<SymmetricSecurityKey>(() => new SymmetricSecurityKey(
            string.IsNullOrEmpty(configured) ? LoadOrCreate(keyPath) : Encoding.UTF8.GetBytes(configured)) { KeyId = "slotbooking" });
    }

    public SymmetricSecurityKey Key => _key.Value;

    /// <summary>Where a generated key is kept: beside the database, named after it.</summary>
    public static string KeyPathFor(string databasePath) => databasePath + ".signing-key";

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path)) return Read(path);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        // Written to a temporary file of this process's own and moved, so a crash never leaves half a key and two
        // processes starting at once never write one file; owner-only from the start, and on disk before the move.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = PrivateFiles.FileMode;
        try
        {
            using (var file = new FileStream(temporary, options))
            {
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, so both sign alike.
            return Read(path);
        }
        finally
        {
            File.Delete(temporary);
        }
        return key;
    }

    private static byte[] Read(string path)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            key = [];
        }
        // Never a shorter key than HS256 needs; the message names the file, never its content.
        if (key.Length < 32)
            throw new InvalidOperationException($"The signing key file {path} does not hold a base64 key of at least 32 bytes; delete it to generate a new one (tokens issued so far become invalid)");
        return key;
    }
}
