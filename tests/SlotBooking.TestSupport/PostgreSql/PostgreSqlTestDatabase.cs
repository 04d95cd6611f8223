namespace SlotBooking.TestSupport.PostgreSql;

/// <summary>One test's database on a <see cref="PostgreSqlServer"/>, and the host arguments that put the service on it.</summary>
public sealed record PostgreSqlTestDatabase(string Name, string ConnectionString)
{
    public string[] HostArgs =>
    [
        "--SlotBooking:Storage:Provider=PostgreSql",
        $"--SlotBooking:Storage:ConnectionString={ConnectionString}",
    ];
}
