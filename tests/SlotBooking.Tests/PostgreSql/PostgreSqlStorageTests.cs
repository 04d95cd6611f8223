using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SlotBooking.Actors.Accounts;
using SlotBooking.Host.Accounts;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Persistence;
using SlotBooking.Tests.EndToEnd;
using SlotBooking.Tests.EndToEnd.Auth;
using SlotBooking.TestSupport.PostgreSql;

namespace SlotBooking.Tests.PostgreSql;

/// <summary>
/// What is particular to PostgreSQL: where accounts and the generated signing key are kept, that the operator's
/// <c>accounts add</c> works on the same database, that every connection
/// commits synchronously, that the plugin made its unique key, and what <c>/stats</c> shows. The database's own
/// default is <c>synchronous_commit = off</c>, so only the service's setting can make its commits synchronous.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStorageTests(PostgreSqlFixture postgres) : HostTest
{
    private PostgreSqlTestDatabase _database = null!;

    protected override async Task<string[]> StorageArgsAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        await ExecuteAsync(postgres.Server.ConnectionStringFor("postgres"), $"ALTER DATABASE {_database.Name} SET synchronous_commit = off");
        return _database.HostArgs;
    }

    [Fact]
    public async Task Accounts_and_the_generated_signing_key_are_kept_in_the_database_and_survive_a_restart()
    {
        var token = await Host.Http.SignUpAsync("pg@example.org", "kept in postgres");

        // Nothing beside the configured SQLite path: no data folder of its own on PostgreSQL.
        Assert.False(File.Exists(Host.DatabasePath));
        Assert.False(File.Exists(SigningKeyStore.KeyPathFor(Host.DatabasePath)));
        var key = await ScalarAsync<string>($"SELECT key FROM {PostgreSqlSigningKey.Table}");
        Assert.Equal(64, Convert.FromBase64String(key).Length);
        var persistenceId = AccountKey.PersistenceIdOf(AccountKey.Of("pg@example.org"));
        Assert.Equal("account-registered/v1",
            await ScalarAsync<string>($"SELECT manifest FROM journal WHERE persistence_id = '{persistenceId}'"));

        await RestartHostAsync();

        Assert.Equal(key, await ScalarAsync<string>($"SELECT key FROM {PostgreSqlSigningKey.Table}"));
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.MeAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.LoginAsync("pg@example.org", "kept in postgres")).StatusCode);
    }

    [Fact]
    public async Task The_accounts_command_stores_an_account_in_the_servers_database_while_it_runs()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await AccountsCommand.RunAsync(
            ["accounts", "add", "--email", "operator@example.org", .. _database.HostArgs, "--Logging:LogLevel:Default=Warning"],
            new StringReader(""), output, error, "the operator's password");

        Assert.True(code == AccountsCommand.Succeeded, error.ToString());
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.LoginAsync("operator@example.org", "the operator's password")).StatusCode);
    }

    [Fact]
    public async Task The_services_connections_commit_synchronously_although_the_database_default_is_off()
    {
        Assert.Equal("off", await ScalarAsync<string>("SHOW synchronous_commit"));

        var service = Host.Services.GetRequiredService<PostgreSqlDatabase>();
        await using var connection = new NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW synchronous_commit", connection);
        Assert.Equal("on", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_journal_has_its_unique_key_on_persistence_id_and_sequence_number()
    {
        var client = await ConnectAsync();
        await client.BookAsync(9);
        Assert.True((await client.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());

        // Without ProviderName beside DataOptions the plugin makes no constraints or indexes, and recovery scans the table.
        var unique = await ScalarAsync<long>("""
            SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relname = 'journal' AND i.indisunique
              AND (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) = ARRAY['persistence_id', 'sequence_number']
            """);
        Assert.Equal(1, unique);
        Assert.Equal(1, await ScalarAsync<long>("SELECT count(*) FROM journal WHERE persistence_id = 'slot-9'"));
    }

    [Fact]
    public void The_journal_takes_the_postgresql_settings_and_none_of_sqlites()
    {
        var config = Host.Services.GetRequiredService<ActorSystem>().Settings.Config;
        Assert.Equal(3, config.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.Equal("read-committed", config.GetString("akka.persistence.journal.sql.read-isolation-level"));
        Assert.Equal("read-committed", config.GetString("akka.persistence.query.journal.sql.read-isolation-level"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.persistence.query.journal.sql.journal-sequence-retrieval.query-delay"));
        Assert.Equal(1000, config.GetInt("akka.persistence.journal.sql.batch-size"));
    }

    [Fact]
    public void On_postgresql_other_nodes_may_join_so_the_cluster_keeps_akkas_gossip_and_heartbeat_timings()
    {
        var config = Host.Services.GetRequiredService<ActorSystem>().Settings.Config;

        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.gossip-interval"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.pub-sub.gossip-interval"));
    }

    [Fact]
    public async Task Stats_name_the_server_and_database_and_never_the_user_or_password()
    {
        var stats = await Host.Http.GetFromJsonAsync<JsonElement>("/stats");
        Assert.Equal($"postgresql://127.0.0.1:{postgres.Server.Port}/{_database.Name}",
            stats.GetProperty("database").GetProperty("database_path").GetString());
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
