using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Persistence;

/// <summary>
/// Where the bookings are stored, as <c>/stats</c> and <c>/health</c> show it (<c>database_path</c>): the SQLite file as
/// configured, or <c>postgresql://host:port/database</c> (never a user or password).
/// </summary>
public sealed record StorageLocation(string Description)
{
    public static StorageLocation From(IServiceProvider services) => services.GetStorageOptions().Kind switch
    {
        StorageProvider.PostgreSql => new StorageLocation(services.GetRequiredService<PostgreSqlDatabase>().Location),
        _ => new StorageLocation(services.GetSlotBookingOptions().DatabasePath),
    };
}
