using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Persistence;
using SlotBooking.Protocol;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Storage;

/// <summary>
/// The journal's connections: every one carries the configured PRAGMAs, whether it is new or comes back from
/// the pool, and a replaced file is refused once and then used with its PRAGMAs set.
/// </summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _file.Dispose();
    }

    [Fact]
    public void Pooled_connections_keep_the_configured_synchronous_and_busy_timeout()
    {
        using var database = Database(SqliteSynchronous.Normal, TimeSpan.FromMilliseconds(1234));

        for (var open = 0; open < 3; open++)
        {
            using var connection = OpenForJournal(database);
            Assert.Equal(1L, Pragma(connection, "synchronous")); // NORMAL
            Assert.Equal(1234L, Pragma(connection, "busy_timeout"));
        }
    }

    [Fact]
    public void A_replaced_file_is_refused_once_then_its_new_connections_get_the_pragmas()
    {
        using var database = Database(SqliteSynchronous.Normal, TimeSpan.FromSeconds(2));
        using (var warm = OpenForJournal(database)) Assert.Equal(1L, Pragma(warm, "synchronous"));

        ReplaceFile();

        var refused = Assert.Throws<IOException>(() => OpenForJournal(database).Dispose());
        Assert.Contains("replaced", refused.Message);
        using var connection = OpenForJournal(database);
        Assert.Equal(1L, Pragma(connection, "synchronous"));
        Assert.Equal(2000L, Pragma(connection, "busy_timeout"));
    }

    private SqliteDatabase Database(SqliteSynchronous synchronous, TimeSpan busyTimeout)
    {
        var database = new SqliteDatabase(Options.Create(new SlotBookingOptions
        {
            DatabasePath = _file.Path,
            Synchronous = synchronous,
            BusyTimeout = busyTimeout,
        }));
        database.Prepare();
        return database;
    }

    /// <summary>What the journal does: open from the pool, then run the database's hook.</summary>
    private static SqliteConnection OpenForJournal(SqliteDatabase database)
    {
        var connection = new SqliteConnection(database.ConnectionString);
        try
        {
            connection.Open();
            database.OnConnectionOpened(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void ReplaceFile()
    {
        var replacement = _file.Path + ".new";
        using (var other = new SqliteConnection($"Data Source={replacement};Pooling=False"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t(x);";
            command.ExecuteNonQuery();
        }
        File.Move(replacement, _file.Path, overwrite: true);
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)command.ExecuteScalar()!;
    }
}
