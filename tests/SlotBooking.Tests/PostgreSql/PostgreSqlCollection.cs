using SlotBooking.TestSupport.PostgreSql;

namespace SlotBooking.Tests.PostgreSql;

/// <summary>
/// The test classes that run on PostgreSQL share one throwaway server (one initdb for the whole run), each test on a
/// database of its own; being one collection, they run one after another, beside the other collections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}

/// <summary>Starts the collection's server before its first test and removes it after its last.</summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PostgreSqlServer? _server;

    /// <summary>The running server; a start that failed (PostgreSQL not installed) fails each test with its message.</summary>
    public PostgreSqlServer Server => _server ?? throw new InvalidOperationException(PostgreSqlTools.InstallHint);

    public async Task InitializeAsync() => _server = await PostgreSqlServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>A fresh database for one test.</summary>
    public Task<PostgreSqlTestDatabase> CreateDatabaseAsync() => Server.CreateDatabaseAsync();
}
