using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SlotBooking.Actors.Storage;
using SlotBooking.Tests.Actors;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Storage;

/// <summary>
/// Events outlive the code: a journal written while the storage probe journaled (Fixtures/journal-v3.db: its events, and
/// the gaps in the ordering that deleting them left) recovers, is read by the owners' projection at once, and takes new
/// events; the probe now leaves the journal alone.
/// </summary>
public sealed class JournalV3CompatibilityTests : IDisposable
{
    private const string Alice = "Alice@Example.org";
    private readonly TempDatabase _database = new();

    public JournalV3CompatibilityTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-v3.db"), _database.Path);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_probe_events_and_their_gaps_recover_my_bookings_answer_at_once_and_the_journal_takes_new_events()
    {
        await using var host = await RunningHost.StartAsync(_database.Path, [.. TestTokens.Args(), "--SlotBooking:StorageProbeInterval=00:00:00.100"]);

        var slots = await host.Http.GetFromJsonAsync<JsonElement>("/slots");
        Assert.Equal([4, 9], slots.GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()).Order());
        // The first request: it waits for the owners' projection's first read, which the gaps once held for
        // max-tries x query-delay (20 s at a 2 s query-delay, 10 minutes at today's 60 s); an HTTP read waits 5 s.
        var bookings = await MyBookingsAsync(host);
        Assert.Equal([9], bookings);

        // The probe saves its snapshot again and again, and the journal keeps its 6 rows.
        var first = await ProbeSnapshotChangedAsync(null);
        await ProbeSnapshotChangedAsync(first);
        Assert.Equal(6, JournalRows.Count(_database.Path));

        var (alice, _) = await SocketClient.ConnectAndReadInitialAsync(host.WebSocketAddress, TestTokens.For(Alice));
        await using var _alice = alice;
        await alice.BookAsync(12);
        Assert.True((await alice.ReceiveOfTypeAsync("booking_response")).GetProperty("success").GetBoolean());
        bookings = await MyBookingsAsync(host);
        Assert.Equal([9, 12], bookings);
        Assert.Equal(7, JournalRows.Count(_database.Path));
    }

    private static async Task<int[]> MyBookingsAsync(RunningHost host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/my-bookings");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(Alice));
        using var response = await host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("id").GetInt32()).Order().ToArray();
    }

    /// <summary>Waits for the probe's snapshot row to be written with a time other than <paramref name="before"/>.</summary>
    private async Task<long> ProbeSnapshotChangedAsync(long? before)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (ProbeSnapshotCreated() is { } created && created != before) return created;
            await Task.Delay(20, deadline.Token);
        }
    }

    private long? ProbeSnapshotCreated()
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT created FROM snapshot WHERE persistence_id = $id";
        command.Parameters.AddWithValue("$id", StorageProbeActor.Id);
        return command.ExecuteScalar() as long?;
    }
}
