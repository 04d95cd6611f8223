using Microsoft.Data.Sqlite;
using SlotBooking.Actors.Storage;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// Counts what the journal file holds, read straight from SQLite: a refused command must add nothing. The storage
/// probe's rows are left out: it writes every few seconds whatever the clients do.
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
        command.CommandText = "SELECT COUNT(*) FROM journal WHERE persistence_id <> $probe";
        command.Parameters.AddWithValue("$probe", StorageProbeActor.Id);
        return (long)command.ExecuteScalar()!;
    }
}
