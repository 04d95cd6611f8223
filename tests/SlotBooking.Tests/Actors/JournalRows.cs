using Microsoft.Data.Sqlite;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// Counts what the journal file holds, read straight from SQLite: a refused command must add nothing, and neither must
/// the storage probe (it saves a snapshot every few seconds, whatever the clients do, and never journals).
/// </summary>
internal static class JournalRows
{
    public static long Count(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            // No pooled handle may outlive the read: the temp file is deleted at the end of the test.
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal";
        return (long)command.ExecuteScalar()!;
    }
}
