using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;
using SQLitePCL;

namespace SlotBooking.Host.Persistence;

/// <summary>
/// The SQLite file behind the journal: created on first run, in WAL mode, with per-connection PRAGMAs.
/// Journal connections are pooled but never create the file, and each time one is opened the file at the path
/// is checked to be the one they were opened on: a file deleted or replaced under the server fails the
/// operation (the client is told) and empties the pool, instead of writes going to a ghost file; when a file is
/// back, the next operation uses it. One long-lived keeper connection holds the WAL open.
/// </summary>
public sealed class SqliteDatabase(IOptions<SlotBookingOptions> options) : IDisposable
{
    private readonly SlotBookingOptions _options = options.Value;
    private SqliteConnection? _keeper;
    private readonly Lock _identityLock = new();
    private FileIdentity? _identity;
    // Native connections that already carry our PRAGMAs: the pool hands the same one out again and again, and
    // running the PRAGMAs on each of the journal's opens cost two statements per transaction.
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    public string FullPath { get; } = options.Value.DatabaseFullPath;

    /// <summary>For the journal: pooled, and an error rather than a new empty file when the file is missing.</summary>
    public string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = options.Value.DatabaseFullPath,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = true,
        // Microsoft.Data.Sqlite retries a busy database itself until this many seconds pass, whatever busy_timeout says.
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.Value.BusyTimeout.TotalSeconds)),
    }.ToString();

    /// <summary>
    /// Creates the folder and file (owner-only: SQLite gives its -wal and -shm files the database file's mode), switches
    /// the file to WAL (which persists in the file) and opens the keeper.
    /// </summary>
    public void Prepare()
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(FullPath)!);
        // SQLite would create it with 0644 less the umask; an empty file is a new database to it.
        PrivateFiles.CreateEmptyFile(FullPath);
        var create = new SqliteConnectionStringBuilder { DataSource = FullPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _keeper = new SqliteConnection(create.ToString());
        _keeper.Open();
        using var command = _keeper.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"SQLite file {FullPath} could not be put in WAL mode (it reports '{mode}')");
        _identity = FileIdentity.Of(FullPath);
    }

    /// <summary>
    /// Runs each time the journal opens a connection: refuses a connection to a file no longer at the path, and
    /// sets the PRAGMAs that Microsoft.Data.Sqlite's connection string cannot carry, once per native connection.
    /// </summary>
    public void OnConnectionOpened(DbConnection connection)
    {
        EnsureSameFile();
        var native = ((SqliteConnection)connection).Handle!;
        if (_configured.TryGetValue(native, out _)) return;
        ApplyConnectionPragmas(connection);
        _configured.AddOrUpdate(native, this);
    }

    private void EnsureSameFile()
    {
        var current = FileIdentity.Of(FullPath);
        lock (_identityLock)
        {
            // A missing file never passes, also on the opens after the one that noticed it: one of them could
            // otherwise get a pooled handle, returned after the pools were cleared, that still writes to the deleted file.
            if (current is not null && current == _identity) return;
            // Pooled connections hold the old file: drop them; the next open finds whatever is at the path now.
            _identity = current;
            SqliteConnection.ClearAllPools();
        }
        throw new IOException(current is null
            ? $"the database file {FullPath} is missing"
            : $"the database file {FullPath} was replaced; reopening it");
    }

    private void ApplyConnectionPragmas(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"PRAGMA busy_timeout={(int)_options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous={_options.Synchronous.ToString().ToUpperInvariant()};";
        command.ExecuteNonQuery();
    }

    public void Dispose() => _keeper?.Dispose();
}
