namespace SlotBooking.Host.Configuration;

/// <summary>
/// <c>SlotBooking:Storage</c>: where the journal and the snapshots live. <c>Sqlite</c> (the default) is one file,
/// <c>SlotBooking:DatabasePath</c>, that needs nothing installed; <c>PostgreSql</c> is a server named by
/// <see cref="ConnectionString"/>. Checked on start by <see cref="StorageOptionsValidation"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "SlotBooking:Storage";
    public const string ProviderKey = Section + ":" + nameof(Provider);
    public const string ConnectionStringKey = Section + ":" + nameof(ConnectionString);

    /// <summary>
    /// <c>Sqlite</c> or <c>PostgreSql</c> (any case). A string rather than the enum, so that a wrong value stops the
    /// start with a message naming the key and the choices instead of the binder's conversion error.
    /// </summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>For PostgreSql, an Npgsql connection string (<c>Host=...;Port=...;Database=...;Username=...;Password=...</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The provider, once validation has accepted <see cref="Provider"/>.</summary>
    public StorageProvider Kind => Enum.Parse<StorageProvider>(Provider, ignoreCase: true);
}

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
