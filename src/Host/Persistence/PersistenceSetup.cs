using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;
using SlotBooking.Actors.Serialization;

namespace SlotBooking.Host.Persistence;

public static class PersistenceSetup
{
    public static IServiceCollection AddSlotStorage(this IServiceCollection services) =>
        services.AddSingleton<SqliteDatabase>();

    /// <summary>
    /// Journal and snapshot store through Akka.Persistence.Sql on the SQLite file, with the default table
    /// mapping. Tuning lives in hocon/persistence.conf, prepended because the plugin appends its defaults.
    /// </summary>
    public static AkkaConfigurationBuilder AddSlotPersistence(this AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        var database = services.GetRequiredService<SqliteDatabase>();
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

        return akka
            .AddHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "persistence.conf"), HoconAddMode.Prepend)
            .WithCustomSerializer("slot-events", SlotEventSerializer.BoundTypes, system => new SlotEventSerializer(system))
            .WithCustomSerializer("account-events", AccountEventSerializer.BoundTypes, system => new AccountEventSerializer(system))
            .WithCustomSerializer("calendar-events", CalendarEventSerializer.BoundTypes, system => new CalendarEventSerializer(system))
            .WithCustomSerializer("owner-index", OwnerIndexSerializer.BoundTypes, system => new OwnerIndexSerializer(system))
            .WithSqlPersistence(
                journal =>
                {
                    journal.ConnectionString = database.ConnectionString;
                    // Without ProviderName next to DataOptions the plugin skips creating its indexes.
                    journal.ProviderName = ProviderName.SQLiteMS;
                    journal.DataOptions = dataOptions;
                    journal.AutoInitialize = true;
                },
                snapshot =>
                {
                    snapshot.ConnectionString = database.ConnectionString;
                    snapshot.ProviderName = ProviderName.SQLiteMS;
                    snapshot.DataOptions = dataOptions;
                    snapshot.AutoInitialize = true;
                });
    }
}
