using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SlotBooking.TestSupport.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL 15 server for the tests of one xunit collection: <c>initdb</c> into a temporary folder (as the
/// <c>postgres</c> user when the tests run as root, since initdb refuses root), started with <c>pg_ctl</c> on a free
/// loopback port with a socket folder of its own, and stopped and deleted on dispose. Each test takes a fresh database
/// (<see cref="CreateDatabaseAsync"/>). Where PostgreSQL is not installed, <see cref="StartAsync"/> fails saying how to
/// install it.
/// </summary>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    private const int PortAttempts = 5;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgreSqlTools _tools;
    private string? _folder;

    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder!, "data");
    private string SocketFolder => Path.Combine(_folder!, "sockets");
    private string LogFile => Path.Combine(_folder!, "server.log");

    /// <summary>The maintenance database, as the superuser, over TCP on loopback (initdb trusts local connections).</summary>
    private string AdminConnectionString => ConnectionStringFor("postgres");

    private PostgreSqlServer(PostgreSqlTools tools) => _tools = tools;

    /// <summary>A new server, running; fails saying how to install PostgreSQL where it is missing.</summary>
    public static async Task<PostgreSqlServer> StartAsync()
    {
        var server = new PostgreSqlServer(PostgreSqlTools.Find());
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("slotbooking-pg-").FullName;
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(SocketFolder);
        if (_tools.RunsAsPostgresUser) await _tools.RunAsync("chown", ["-R", "postgres:postgres", _folder], CommandTimeout);

        // --no-sync and fsync=off: a server that lives for one test run has nothing to keep through a crash of the
        // machine. The service's own setting (synchronous_commit=on) is what the tests check, and it still applies.
        await _tools.RunToolAsync("initdb", ["-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], CommandTimeout);

        // A port picked free may be taken by another process before the server binds it: try another. max_connections
        // leaves room for the hosts of one test at a time (each pools a few connections; a host closes its pool on dispose).
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            File.Delete(LogFile);
            try
            {
                await _tools.RunToolAsync("pg_ctl",
                [
                    "-D", DataFolder, "-l", LogFile, "-w", "-t", "60",
                    "-o", $"-p {Port} -k {SocketFolder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c shared_buffers=16MB -c max_connections=300",
                    "start",
                ], CommandTimeout);
                return;
            }
            catch (InvalidOperationException) when (attempt < PortAttempts && ServerLog().Contains("could not bind", StringComparison.Ordinal))
            {
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"{e.Message}\nserver log:\n{ServerLog()}", e);
            }
        }
    }

    /// <summary>A new, empty database of its own on this server; the service creates its tables on first use.</summary>
    public async Task<PostgreSqlTestDatabase> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }
        return new PostgreSqlTestDatabase(name, ConnectionStringFor(name));
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = "postgres",
        // Each test's database is its own pool; no test needs an idle connection kept for later.
        MaxPoolSize = 20,
    }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_folder is null) return;
        try
        {
            NpgsqlConnection.ClearAllPools();
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
                await _tools.RunToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"], CommandTimeout);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ServerLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(none)";

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
