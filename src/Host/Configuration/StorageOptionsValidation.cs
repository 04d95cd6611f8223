using Microsoft.Extensions.Options;
using Npgsql;

namespace SlotBooking.Host.Configuration;

/// <summary>
/// Refuses a start whose storage settings cannot work, each error naming its key. A connection string is never quoted
/// back: it may hold a password.
/// </summary>
public sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.TryParse<StorageProvider>(options.Provider, ignoreCase: true, out var provider)
            || !Enum.IsDefined(provider) || int.TryParse(options.Provider, out _))
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.ProviderKey} must be {nameof(StorageProvider.Sqlite)} or {nameof(StorageProvider.PostgreSql)}, got '{options.Provider}'");

        return provider switch
        {
            // The SQLite file has its own keys (DatabasePath, Synchronous, BusyTimeout); a connection string here would be ignored.
            StorageProvider.Sqlite when !string.IsNullOrWhiteSpace(options.ConnectionString) => ValidateOptionsResult.Fail(
                $"{StorageOptions.ConnectionStringKey} is only for {StorageOptions.ProviderKey}=PostgreSql; the SQLite file is SlotBooking:DatabasePath"),
            StorageProvider.PostgreSql => PostgreSqlProblem(options.ConnectionString) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success,
            _ => ValidateOptionsResult.Success,
        };
    }

    private static string? PostgreSqlProblem(string? connectionString)
    {
        const string example = "Host=127.0.0.1;Port=5432;Database=slotbooking;Username=slotbooking;Password=...";
        if (string.IsNullOrWhiteSpace(connectionString))
            return $"{StorageOptions.ConnectionStringKey} is required when {StorageOptions.ProviderKey} is PostgreSql (e.g. {example})";
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // Npgsql's message names the keyword it refused, never the value.
            return $"{StorageOptions.ConnectionStringKey} is not a PostgreSQL connection string: {e.Message}";
        }
        if (string.IsNullOrWhiteSpace(parsed.Host))
            return $"{StorageOptions.ConnectionStringKey} names no Host (e.g. {example})";
        if (string.IsNullOrWhiteSpace(parsed.Database))
            return $"{StorageOptions.ConnectionStringKey} names no Database (e.g. {example})";
        return null;
    }
}
