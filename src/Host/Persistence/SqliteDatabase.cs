using System.Data.Common;
using Microsoft.Data.Sqlite;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Persistence;

/// <summary>The SQLite file behind the journal: created on first run, in WAL mode, with per-connection PRAGMAs.</summary>
public sealed class SqliteDatabase(SlotBookingOptions options)
{
    public string FullPath { get; } = options.DatabaseFullPath;

    public string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = options.DatabaseFullPath,
        Pooling = true,
    }.ToString();

    /// <summary>Creates the folder and file and switches the file to WAL (which persists in the file).</summary>
    public void Prepare()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"SQLite file {FullPath} could not be put in WAL mode (it reports '{mode}')");
    }

    /// <summary>Runs on every connection the journal opens: Microsoft.Data.Sqlite's connection string cannot carry these.</summary>
    public void ApplyConnectionPragmas(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"PRAGMA busy_timeout={(int)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous={options.Synchronous.ToString().ToUpperInvariant()};";
        command.ExecuteNonQuery();
    }
}
