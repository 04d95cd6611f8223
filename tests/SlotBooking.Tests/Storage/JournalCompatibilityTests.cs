using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Storage;

/// <summary>Events outlive the code: a journal written by an earlier version (Fixtures/journal-v1.db) recovers exactly.</summary>
public sealed class JournalCompatibilityTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public JournalCompatibilityTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-v1.db"), _database.Path);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_journal_of_the_first_event_versions_recovers_every_booking_and_takes_new_ones()
    {
        await using var host = await RunningHost.StartAsync(_database.Path);

        var slots = await host.Http.GetFromJsonAsync<JsonElement>("/slots");
        var booked = slots.GetProperty("slots").EnumerateArray()
            .Where(s => s.GetProperty("is_booked").GetBoolean())
            .ToDictionary(s => s.GetProperty("id").GetInt32(), s => s.GetProperty("booked_at").GetString());
        Assert.Equal(new Dictionary<int, string?>
        {
            [4] = "2026-11-25T22:24:15.469200+00:00",
            [9] = "2026-11-25T22:24:15.468025+00:00",
        }, booked);

        // New events continue each slot's sequence: slot 9 from its snapshot and later events, slot 5 after its two.
        var (client, _) = await SocketClient.ConnectAndReadInitialAsync(host.WebSocketAddress);
        await using var _client = client;
        await client.CancelAsync(9);
        Assert.True((await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
        await client.BookAsync(5);
        Assert.True((await client.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        await client.BookAsync(4);
        Assert.Equal("Slot 4 is already booked", (await client.ReceiveOfTypeAsync("booking_response")).GetProperty("message").GetString());
    }
}
