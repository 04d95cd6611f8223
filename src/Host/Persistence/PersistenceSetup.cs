using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;
using SlotBooking.Actors.Serialization;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Persistence;

public static class PersistenceSetup
{
    /// <summary>Both databases are registered; only the configured one is ever resolved (and so opened).</summary>
    public static IServiceCollection AddSlotStorage(this IServiceCollection services) =>
        services.AddSingleton<SqliteDatabase>().AddSingleton<PostgreSqlDatabase>().AddSingleton(StorageLocation.From);

    /// <summary>
    /// Journal, snapshot store and read journal through Akka.Persistence.Sql with the default table mapping, on the
    /// SQLite file or on PostgreSQL (<c>SlotBooking:Storage:Provider</c>). Settings shared by both are in
    /// hocon/persistence.conf, each provider's own in hocon/persistence.sqlite.conf or persistence.postgresql.conf; all
    /// prepended, because the plugin appends its defaults.
    /// </summary>
    public static AkkaConfigurationBuilder AddSlotPersistence(this AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        var (connectionString, providerName, dataOptions, settingsFile) = services.GetStorageOptions().Kind switch
        {
            StorageProvider.PostgreSql => PostgreSql(services.GetRequiredService<PostgreSqlDatabase>()),
            _ => Sqlite(services.GetRequiredService<SqliteDatabase>()),
        };

        return akka
            .AddHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "persistence.conf"), HoconAddMode.Prepend)
            .AddHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", settingsFile), HoconAddMode.Prepend)
            .WithCustomSerializer("slot-events", SlotEventSerializer.BoundTypes, system => new SlotEventSerializer(system))
            .WithCustomSerializer("account-events", AccountEventSerializer.BoundTypes, system => new AccountEventSerializer(system))
            .WithCustomSerializer("calendar-events", CalendarEventSerializer.BoundTypes, system => new CalendarEventSerializer(system))
            .WithCustomSerializer("owner-index", OwnerIndexSerializer.BoundTypes, system => new OwnerIndexSerializer(system))
            .WithSqlPersistence(
                journal =>
                {
                    journal.ConnectionString = connectionString;
                    // Without ProviderName next to DataOptions the plugin skips creating its indexes.
                    journal.ProviderName = providerName;
                    journal.DataOptions = dataOptions;
                    journal.AutoInitialize = true;
                },
                snapshot =>
                {
                    snapshot.ConnectionString = connectionString;
                    snapshot.ProviderName = providerName;
                    snapshot.DataOptions = dataOptions;
                    snapshot.AutoInitialize = true;
                });
    }

    private static (string ConnectionString, string ProviderName, DataOptions DataOptions, string SettingsFile) Sqlite(SqliteDatabase database)
    {
        database.Prepare();
        var dataOptions = new DataOptions()
            .UseConnectionString(ProviderName.SQLiteMS, database.ConnectionString)
            .UseAfterConnectionOpened(
                database.OnConnectionOpened,
                async (connection, _) =>
                {
                    // Microsoft.Data.Sqlite completes "async" calls synchronously; a real yield lets the
                    // journal's write pipeline gather writes from many slots into one transaction.
                    await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                    database.OnConnectionOpened(connection);
                });
        return (database.ConnectionString, ProviderName.SQLiteMS, dataOptions, "persistence.sqlite.conf");
    }

    private static (string ConnectionString, string ProviderName, DataOptions DataOptions, string SettingsFile) PostgreSql(PostgreSqlDatabase database) =>
        (database.ConnectionString, PostgreSqlDatabase.ProviderName, database.DataOptions(), "persistence.postgresql.conf");
}
