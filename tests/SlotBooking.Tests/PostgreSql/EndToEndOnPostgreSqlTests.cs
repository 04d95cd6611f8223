using SlotBooking.Tests.EndToEnd;

namespace SlotBooking.Tests.PostgreSql;

// End-to-end tests that run again, unchanged, with the host on PostgreSQL: each class inherits every test of its SQLite
// original and gives the host a fresh database of the collection's throwaway server instead of a SQLite file. A restart
// within a test comes back on the same database.

/// <summary>Thirty clients racing to book and to cancel one slot, and bookings surviving a restart.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ContentionAndRestartOnPostgreSqlTests(PostgreSqlFixture postgres) : ContentionAndRestartTests
{
    protected override async Task<string[]> StorageArgsAsync() => (await postgres.CreateDatabaseAsync()).HostArgs;
}

/// <summary>Dated days: a race for one dated slot that survives a restart (the board router finds the day in the journal again).</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class DatedBookingOnPostgreSqlTests(PostgreSqlFixture postgres) : DatedBookingTests
{
    protected override async Task<string[]> StorageArgsAsync() => (await postgres.CreateDatabaseAsync()).HostArgs;
}

/// <summary>Calendars created, changed and retired by an admin, stored, and read back after a restart.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class CalendarAdminOnPostgreSqlTests(PostgreSqlFixture postgres) : CalendarAdminTests
{
    protected override async Task<string[]> StorageArgsAsync() => (await postgres.CreateDatabaseAsync()).HostArgs;
}

/// <summary>Each owner's bookings over HTTP and the socket, read from the journal through the plugin's own all-events query.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class MyBookingsOnPostgreSqlTests(PostgreSqlFixture postgres) : MyBookingsTests
{
    protected override async Task<string[]> StorageArgsAsync() => (await postgres.CreateDatabaseAsync()).HostArgs;
}
