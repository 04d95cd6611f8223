using Microsoft.Data.Sqlite;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>
/// A command answered "not confirmed" (its slot did not answer within CommandTimeout) may still be decided later.
/// Its late answer must be dropped, and must never stand in for the answer to a later command of the same slot and kind.
/// </summary>
public sealed class LateAnswerTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_late_answer_does_not_answer_a_later_command_for_the_same_slot()
    {
        // The journal waits up to 20 s for SQLite's lock, while a client is told "not confirmed" after 0.5 s.
        await using var host = await RunningHost.StartAsync(_database.Path,
            "--SlotBooking:BusyTimeout=00:00:20",
            "--SlotBooking:CommandTimeout=00:00:00.500",
            "--SlotBooking:StorageProbeInterval=01:00:00");
        var (client, _) = await SocketClient.ConnectAndReadInitialAsync(host.WebSocketAddress);
        await using var _client = client;

        using (var blocker = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            blocker.Open();
            using var writeLock = blocker.BeginTransaction(deferred: false);

            await client.BookAsync(9);
            var notConfirmed = await client.ReceiveOfTypeAsync("booking_response");
            Assert.False(notConfirmed.GetProperty("success").GetBoolean());
            Assert.Contains("did not confirm", notConfirmed.GetProperty("message").GetString());

            // The slot is still waiting to write the first booking: these two queue behind it and are decided
            // together once it is stored, as one batch with a stored event (the cancellation).
            await client.BookAsync(9);
            await client.CancelAsync(9);
        }

        // The lock is released: the first booking is stored (its answer comes late, and must be dropped), the
        // second booking is refused, and the cancellation goes through.
        var second = await client.ReceiveOfTypeAsync("booking_response", TimeSpan.FromSeconds(30));
        Assert.False(second.GetProperty("success").GetBoolean(), $"the second booking was answered with the first one's late result: {second}");
        Assert.Equal("Slot 9 is already booked", second.GetProperty("message").GetString());
        var cancellation = await client.ReceiveOfTypeAsync("cancellation_response", TimeSpan.FromSeconds(30));
        Assert.True(cancellation.GetProperty("success").GetBoolean());
    }
}
