using LinqToDB;
using Microsoft.Extensions.Options;
using Npgsql;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Persistence;

/// <summary>
/// The PostgreSQL database behind the journal when <c>SlotBooking:Storage:Provider</c> is <c>PostgreSql</c>. The
/// database must exist; the SQL plugin creates its tables (journal, tags, snapshot) on first use.
/// </summary>
public sealed class PostgreSqlDatabase(IOptions<StorageOptions> options) : IDisposable
{
    /// <summary>
    /// The configured connection string with <c>synchronous_commit=on</c> for every session: a command is answered only
    /// after its write is committed, and a commit is on disk (as <c>SlotBooking:Synchronous=Full</c> on SQLite), whatever
    /// the server, database or role sets by default. Given as a startup option, after any the configuration gives.
    /// </summary>
    public string ConnectionString { get; } = WithSynchronousCommit(options.Value.ConnectionString!);

    /// <summary>Where the data is, for <c>/stats</c> and <c>/health</c>: server and database, never the user or password.</summary>
    public string Location { get; } = LocationOf(options.Value.ConnectionString!);

    /// <summary>The linq2db options the journal and snapshot store are given (with <see cref="ProviderName"/> beside them).</summary>
    public DataOptions DataOptions() => new DataOptions().UseConnectionString(ProviderName, ConnectionString);

    /// <summary>The plugin picks its column types, constraints and indexes by this name.</summary>
    public const string ProviderName = LinqToDB.ProviderName.PostgreSQL15;

    public static string WithSynchronousCommit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c synchronous_commit=on".Trim();
        return builder.ConnectionString;
    }

    private static string LocationOf(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>
    /// Closes the pooled connections when the host is disposed (after the actor system has stopped): Npgsql's pools belong
    /// to the process, not the host, and would otherwise hold the server's connection slots for minutes.
    /// </summary>
    public void Dispose()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
