using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Persistence;

/// <summary>
/// The SQLite file behind the journal: created on first run, in WAL mode, with per-connection PRAGMAs.
/// The journal opens a fresh connection by path for every operation and never creates the file, so a file
/// that is deleted, replaced or unwritable fails the operation (the client is told) instead of writes going
/// to a ghost; when the file is back, the next operation succeeds. One long-lived keeper connection holds
/// the WAL open, so that closing the others does not checkpoint and delete it each time.
/// </summary>
public sealed class SqliteDatabase(IOptions<SlotBookingOptions> options) : IDisposable
{
    private readonly SlotBookingOptions _options = options.Value;
    private SqliteConnection? _keeper;

    public string FullPath { get; } = options.Value.DatabaseFullPath;

    /// <summary>For the journal: no pooling, and an error rather than a new empty file when the file is missing.</summary>
    public string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = options.Value.DatabaseFullPath,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        // Microsoft.Data.Sqlite retries a busy database itself until this many seconds pass, whatever busy_timeout says.
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.Value.BusyTimeout.TotalSeconds)),
    }.ToString();

    /// <summary>Creates the folder and file, switches the file to WAL (which persists in the file) and opens the keeper.</summary>
    public void Prepare()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
        var create = new SqliteConnectionStringBuilder { DataSource = FullPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _keeper = new SqliteConnection(create.ToString());
        _keeper.Open();
        using var command = _keeper.CreateCommand();
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
            $"PRAGMA busy_timeout={(int)_options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous={_options.Synchronous.ToString().ToUpperInvariant()};";
        command.ExecuteNonQuery();
    }

    public void Dispose() => _keeper?.Dispose();
}
