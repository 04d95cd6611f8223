using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Storage;

/// <summary>
/// When storage fails, the affected command is refused with a clear message, nobody sees a change that was not
/// stored, /health says so with 503, and the service recovers by itself when storage is back.
/// </summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_locked_database_refuses_bookings_and_recovers_when_released()
    {
        await using var service = await StorageFaultHost.StartAsync(_database.Path);
        var booker = await service.ConnectAsync();
        var watcher = await service.ConnectAsync();

        using (var blocker = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            blocker.Open();
            using var writeLock = blocker.BeginTransaction(deferred: false);

            var refusal = await StorageFaultHost.BookAsync(booker, 9);
            Assert.False(refusal.GetProperty("success").GetBoolean());
            Assert.Equal("Slot 9 could not be booked: the booking store is unavailable; try again shortly", refusal.GetProperty("message").GetString());

            var health = await service.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("storage_unavailable", health.GetProperty("status").GetString());
            Assert.Contains("locked", health.GetProperty("storage_problem").GetString());
            await AssertNothingBookedAsync(service, watcher);
        }

        var healthy = await service.WaitForHealthAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, healthy.GetProperty("storage_problem").ValueKind);
        await StorageFaultHost.BookUntilStoredAsync(booker, 9);
        Assert.Contains(9, BookedIds(await watcher.ReceiveOfTypeAsync("slots_update")));
    }

    [Fact]
    public async Task A_deleted_database_file_refuses_bookings_and_recovers_when_restored()
    {
        await using var service = await StorageFaultHost.StartAsync(_database.Path);
        var client = await service.ConnectAsync();
        Assert.True((await StorageFaultHost.BookAsync(client, 4)).GetProperty("success").GetBoolean());
        var backup = _database.Path + ".backup";
        using (var source = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            source.Open();
            source.BackupDatabase(target);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database.Path + suffix);

        var refusal = await StorageFaultHost.BookAsync(client, 5);
        Assert.False(refusal.GetProperty("success").GetBoolean());
        Assert.False(File.Exists(_database.Path), "the service must not create an empty database in place of the deleted one");
        Assert.Equal("storage_unavailable", (await service.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("status").GetString());

        File.Move(backup, _database.Path);
        await service.WaitForHealthAsync(HttpStatusCode.OK);
        await StorageFaultHost.BookUntilStoredAsync(client, 5);
        await client.GetSlotsAsync();
        var update = await client.ReceiveOfTypeAsync("slots_update");
        Assert.Equal([4, 5], BookedIds(update));
    }

    [RootFact]
    public async Task A_full_disk_refuses_bookings_and_recovers_when_space_is_freed()
    {
        var mountPoint = Path.Combine(Path.GetTempPath(), $"slotbooking-full-{Guid.NewGuid():N}");
        Directory.CreateDirectory(mountPoint);
        Run("mount", $"-t tmpfs -o size=4m tmpfs {mountPoint}");
        try
        {
            await using var service = await StorageFaultHost.StartAsync(Path.Combine(mountPoint, "slots.db"));
            var client = await service.ConnectAsync();
            Assert.True((await StorageFaultHost.BookAsync(client, 3)).GetProperty("success").GetBoolean());

            var filler = Path.Combine(mountPoint, "filler");
            FillDisk(filler);

            var refusal = await StorageFaultHost.BookAsync(client, 6);
            Assert.False(refusal.GetProperty("success").GetBoolean());
            // SQLite says "database or disk is full" or, when the WAL index cannot grow, "disk I/O error".
            var health = await service.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable);
            Assert.False(string.IsNullOrWhiteSpace(health.GetProperty("storage_problem").GetString()));

            File.Delete(filler);
            await service.WaitForHealthAsync(HttpStatusCode.OK);
            await StorageFaultHost.BookUntilStoredAsync(client, 6);
            await service.Host.StopAsync();
        }
        finally
        {
            Run("umount", $"-l {mountPoint}");
        }
    }

    [RootFact]
    public async Task A_read_only_database_refuses_bookings_and_recovers_when_writable()
    {
        await using var service = await StorageFaultHost.StartAsync(_database.Path);
        var client = await service.ConnectAsync();
        var watcher = await service.ConnectAsync();
        // The database and its write-ahead log become immutable: even root cannot write them. The -shm index stays
        // writable: SQLite writes it through a shared memory mapping, and freezing a mapped file under a process
        // is not a storage failure but a SIGBUS (no real read-only remount can happen under a writable mapping).
        var files = new[] { "", "-wal" }.Select(s => _database.Path + s).Where(File.Exists).ToArray();

        Run("chattr", "+i " + string.Join(' ', files));
        try
        {
            var refusal = await StorageFaultHost.BookAsync(client, 12);
            Assert.False(refusal.GetProperty("success").GetBoolean());
            Assert.Equal("storage_unavailable", (await service.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("status").GetString());
            await AssertNothingBookedAsync(service, watcher);
        }
        finally
        {
            Run("chattr", "-i " + string.Join(' ', files));
        }

        await service.WaitForHealthAsync(HttpStatusCode.OK);
        await StorageFaultHost.BookUntilStoredAsync(client, 12);
    }

    private static async Task AssertNothingBookedAsync(StorageFaultHost service, SocketClient watcher)
    {
        await watcher.GetSlotsAsync();
        Assert.Empty(BookedIds(await watcher.ReceiveOfTypeAsync("slots_update")));
        var slots = await service.Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        Assert.Empty(slots.GetProperty("booked_slots").EnumerateArray());
    }

    private static int[] BookedIds(JsonElement update) =>
        update.GetProperty("data").GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static void FillDisk(string path)
    {
        using var stream = File.Create(path);
        var block = new byte[64 * 1024];
        try
        {
            while (true) stream.Write(block);
        }
        catch (IOException)
        {
            // No space left: exactly what the test wants.
        }
    }

    private static void Run(string command, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {arguments} failed: {error}");
    }
}
