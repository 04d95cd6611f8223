using SlotBooking.Host.Auth;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Storage;

/// <summary>
/// What the server creates for its data is its own user's only: a data folder it creates is 0700, and the database,
/// its WAL and shared-memory files and the generated signing key are 0600.
/// </summary>
public sealed class FileModeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "slotbooking-tests", $"modes-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_fresh_data_folder_and_its_files_are_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = Path.Combine(_root, "data");
        var database = Path.Combine(folder, "slotbooking.db");
        Assert.False(Directory.Exists(_root));

        await using (var host = await RunningHost.StartAsync(database))
        {
            // A booking, so that the WAL has been written to.
            await using var client = await SocketClient.ConnectAsync(host.WebSocketAddress);
            await client.BookAsync(9);
            Assert.True((await client.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());

            Assert.Equal(PrivateMode.Folder, File.GetUnixFileMode(folder));
            Assert.Equal(PrivateMode.Folder, File.GetUnixFileMode(_root));
            foreach (var file in new[] { database, database + "-wal", database + "-shm", SigningKeyStore.KeyPathFor(database) })
            {
                Assert.True(File.Exists(file), $"{file} does not exist");
                Assert.True(PrivateMode.File == File.GetUnixFileMode(file), $"{file} is {File.GetUnixFileMode(file)}");
            }
        }
    }

    private static class PrivateMode
    {
        public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    }
}
