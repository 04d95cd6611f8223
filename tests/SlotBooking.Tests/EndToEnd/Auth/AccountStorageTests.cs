using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using SlotBooking.Actors.Accounts;

namespace SlotBooking.Tests.EndToEnd.Auth;

/// <summary>Accounts live in the bookings' SQLite file, as journal events holding a hash and never the password.</summary>
public sealed class AccountStorageTests : HostTest
{
    private const string Email = "Stored@Example.org";
    private const string Password = "Zebra-Quartz-7731-Uniq";

    [Fact]
    public async Task The_database_holds_the_hash_and_never_the_password()
    {
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.RegisterAsync(Email, Password)).StatusCode);

        var bytes = ReadDatabaseFiles();
        Assert.True(Contains(bytes, Encoding.UTF8.GetBytes(Email)), "the email is not in the database files");
        // PasswordHasher's v3 hashes start with the same header (format, PRF, iteration count, salt size).
        var hashPrefix = new PasswordHasher<object>().HashPassword(new object(), "anything")[..17];
        Assert.True(Contains(bytes, Encoding.ASCII.GetBytes(hashPrefix)), $"no hash starting {hashPrefix} in the database files");

        foreach (var (form, pattern) in PasswordForms(Password))
            Assert.False(Contains(bytes, pattern), $"the password is in the database files as {form}");
    }

    [Fact]
    public async Task The_account_is_an_account_registered_v1_event_whose_hash_checks_the_password()
    {
        Assert.Equal(HttpStatusCode.Created, (await Host.Http.RegisterAsync(Email, Password)).StatusCode);

        var persistenceId = AccountKey.PersistenceIdOf(AccountKey.Of(Email));
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Host.DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence_number, manifest, message FROM journal WHERE persistence_id = $id";
        command.Parameters.AddWithValue("$id", persistenceId);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"no journal row for {persistenceId}");
        Assert.Equal(1, reader.GetInt64(0));
        Assert.Equal("account-registered/v1", reader.GetString(1));
        var stored = JsonDocument.Parse((byte[])reader.GetValue(2)).RootElement;
        Assert.False(reader.Read());

        Assert.Equal(["created_at", "email", "password_hash"], stored.PropertyNames());
        Assert.Equal(Email, stored.GetProperty("email").GetString());
        var hash = stored.GetProperty("password_hash").GetString()!;
        var hasher = new PasswordHasher<object>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new object(), hash, Password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new object(), hash, Password + "!"));
    }

    /// <summary>The main file and the WAL (where fresh writes are until a checkpoint), read while the host runs.</summary>
    private byte[] ReadDatabaseFiles()
    {
        using var all = new MemoryStream();
        foreach (var path in new[] { Host.DatabasePath, Host.DatabasePath + "-wal" })
        {
            if (!File.Exists(path)) continue;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.CopyTo(all);
        }
        Assert.True(all.Length > 0);
        return all.ToArray();
    }

    /// <summary>The password as text in UTF-8 and UTF-16 (both byte orders), and in base64 at each of the three alignments.</summary>
    private static IEnumerable<(string Form, byte[] Pattern)> PasswordForms(string password)
    {
        var utf8 = Encoding.UTF8.GetBytes(password);
        yield return ("UTF-8", utf8);
        yield return ("UTF-16LE", Encoding.Unicode.GetBytes(password));
        yield return ("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(password));
        for (var offset = 0; offset < 3; offset++)
        {
            // Base64 of the password after `offset` other bytes: keep only the characters that depend on the password alone.
            var encoded = Convert.ToBase64String([.. new byte[offset], .. utf8]);
            var first = (offset * 8 + 5) / 6;
            var last = (offset + utf8.Length) * 8 / 6;
            yield return ($"base64 (+{offset})", Encoding.ASCII.GetBytes(encoded[first..last]));
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
