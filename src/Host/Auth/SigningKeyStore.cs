using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Persistence;

namespace SlotBooking.Host.Auth;

/// <summary>
/// The key this server signs its own tokens with: <c>SlotBooking:Auth:SigningKey</c> when configured, else a random
/// 512-bit key generated on first start and kept where the storage keeps it (<see cref="IGeneratedSigningKey"/>: a file
/// beside the SQLite database, or a table in PostgreSQL). The key is never logged.
/// </summary>
public sealed class SigningKeyStore
{
    private const int GeneratedKeyBytes = 64;
    private readonly Lazy<SymmetricSecurityKey> _key;

    public SigningKeyStore(IOptions<AuthOptions> auth, IGeneratedSigningKey generated)
    {
        var configured = auth.Value.SigningKey;
        _key = new Lazy<SymmetricSecurityKey>(() => new SymmetricSecurityKey(
            string.IsNullOrEmpty(configured)
                ? generated.LoadOrCreate(RandomNumberGenerator.GetBytes(GeneratedKeyBytes))
                : Encoding.UTF8.GetBytes(configured)) { KeyId = "slotbooking" });
    }

    public SymmetricSecurityKey Key => _key.Value;

    /// <summary>Where a generated key is kept on SQLite: beside the database, named after it.</summary>
    public static string KeyPathFor(string databasePath) => databasePath + ".signing-key";

    /// <summary>Where the configured storage keeps a generated key; only read when no key is configured.</summary>
    public static IGeneratedSigningKey GeneratedKeyFor(IServiceProvider services) => services.GetStorageOptions().Kind switch
    {
        StorageProvider.PostgreSql => new PostgreSqlSigningKey(services.GetRequiredService<PostgreSqlDatabase>()),
        _ => new FileSigningKey(KeyPathFor(services.GetSlotBookingOptions().DatabaseFullPath)),
    };
}
