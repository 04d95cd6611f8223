using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlotBooking.Host;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>Storage settings that cannot work stop the start, naming the key; a connection string is never quoted back.</summary>
public sealed class StorageOptionsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("Mongo", null, "SlotBooking:Storage:Provider must be Sqlite or PostgreSql, got 'Mongo'")]
    [InlineData("1", null, "SlotBooking:Storage:Provider must be Sqlite or PostgreSql, got '1'")]
    [InlineData("PostgreSql", null, "SlotBooking:Storage:ConnectionString is required when SlotBooking:Storage:Provider is PostgreSql")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Password=hunter2-secret;Databse=x", "SlotBooking:Storage:ConnectionString is not a PostgreSQL connection string")]
    [InlineData("PostgreSql", "Password=hunter2-secret;Database=x", "SlotBooking:Storage:ConnectionString names no Host")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Password=hunter2-secret", "SlotBooking:Storage:ConnectionString names no Database")]
    [InlineData("Sqlite", "Host=127.0.0.1;Password=hunter2-secret;Database=x", "SlotBooking:Storage:ConnectionString is only for SlotBooking:Storage:Provider=PostgreSql")]
    public async Task Settings_that_cannot_work_stop_the_start_naming_the_key(string provider, string? connectionString, string expected)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--SlotBooking:DatabasePath={_database.Path}",
            "--Logging:LogLevel:Default=None",
            $"--SlotBooking:Storage:Provider={provider}",
            .. connectionString is null ? Array.Empty<string>() : [$"--SlotBooking:Storage:ConnectionString={connectionString}"],
        ];
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = SlotBookingApp.Create(args);
            await app.StartAsync();
        });
        Assert.Contains(expected, failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
        // Refused before anything was stored.
        Assert.False(File.Exists(_database.Path));
    }

    [Fact]
    public async Task Sqlite_in_any_case_is_the_file_as_before_with_its_own_journal_tuning()
    {
        await using var host = await RunningHost.StartAsync(_database.Path, "--SlotBooking:Storage:Provider=sqlite");
        Assert.True(File.Exists(_database.Path));

        var config = host.Services.GetRequiredService<ActorSystem>().Settings.Config;
        Assert.Equal(1, config.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.Equal("read-uncommitted", config.GetString("akka.persistence.journal.sql.read-isolation-level"));
        Assert.Equal(TimeSpan.FromSeconds(60), config.GetTimeSpan("akka.persistence.query.journal.sql.journal-sequence-retrieval.query-delay"));
        // Shared by both providers.
        Assert.Equal(1000, config.GetInt("akka.persistence.journal.sql.batch-size"));
    }
}
