using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SlotBooking.Protocol;

namespace SlotBooking.Client.Storage;

/// <summary>What raw SQLite did on this disk: durable single-row commits, and rows in 100-row transactions.</summary>
public sealed record StorageLimitResult(string Synchronous, double Seconds, double SingleRowCommitsPerSecond, double BatchedRowsPerSecond, int BatchSize);

/// <summary>
/// The ceiling the journal works under: a fresh SQLite file in WAL mode, with a table shaped like a journal
/// (a unique key on persistence id and sequence number, a small blob payload), written as fast as one
/// connection can, first one row per transaction, then 100 rows per transaction.
/// </summary>
public static class StorageLimitProbe
{
    public const int BatchSize = 100;
    private static readonly byte[] Payload = new byte[64];

    public static StorageLimitResult Run(string directory, SqliteSynchronous synchronous, TimeSpan duration)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"storage-limit-{Guid.NewGuid():N}.db");
        try
        {
            // No pooling: the file is deleted afterwards, and a pooled connection would keep it open.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            Execute(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};");
            Execute(connection, "CREATE TABLE rows (ordering INTEGER PRIMARY KEY AUTOINCREMENT, persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, payload BLOB NOT NULL, UNIQUE (persistence_id, sequence_nr));");

            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO rows (persistence_id, sequence_nr, payload) VALUES ($id, $seq, $payload);";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            insert.Parameters.Add("$payload", SqliteType.Blob).Value = Payload;
            insert.Prepare();
            long sequence = 0;

            var single = RateOver(duration, () =>
            {
                id.Value = "probe-single";
                seq.Value = ++sequence;
                insert.ExecuteNonQuery(); // autocommit: one transaction, one sync per row
                return 1;
            });
            var batched = RateOver(duration, () =>
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                id.Value = "probe-batched";
                for (var i = 0; i < BatchSize; i++)
                {
                    seq.Value = ++sequence;
                    insert.ExecuteNonQuery();
                }
                transaction.Commit();
                insert.Transaction = null;
                return BatchSize;
            });
            return new StorageLimitResult(synchronous.ToString(), duration.TotalSeconds, single, batched, BatchSize);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    /// <summary>Rows per second while repeating <paramref name="writeRows"/> (which returns rows written) for the duration.</summary>
    private static double RateOver(TimeSpan duration, Func<int> writeRows)
    {
        long rows = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration) rows += writeRows();
        return Math.Round(rows / Stopwatch.GetElapsedTime(started).TotalSeconds, 1);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
