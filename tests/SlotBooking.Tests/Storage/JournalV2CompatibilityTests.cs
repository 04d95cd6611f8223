using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.TestSupport;
using SlotBooking.Tests.EndToEnd.Auth;

namespace SlotBooking.Tests.Storage;

/// <summary>
/// Events outlive the code: a journal written by the identity version (Fixtures/journal-v2.db: owned bookings, accounts,
/// admin calendar changes) recovers exactly, and new events continue it.
/// </summary>
public sealed class JournalV2CompatibilityTests : IDisposable
{
    private const string Alice = "Alice@Example.org";
    private static readonly string Root = TestTokens.For("root@example.org", admin: true);
    private readonly TempDatabase _database = new();

    public JournalV2CompatibilityTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-v2.db"), _database.Path);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Owners_accounts_and_admin_calendar_changes_recover_and_take_new_events()
    {
        await using var host = await RunningHost.StartAsync(_database.Path, [.. TestTokens.Args(), .. LabCalendar.Args()]);

        // The catalog: lab from the configuration, gym created then renamed with a notice, old retired.
        var calendars = (await host.Http.GetFromJsonAsync<JsonElement>("/calendars")).GetProperty("calendars").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(["default", "lab", "gym", "old"], calendars.Keys);
        Assert.Equal("Gym (east)", calendars["gym"].GetProperty("name").GetString());
        Assert.Equal(30, calendars["gym"].GetProperty("min_notice_minutes").GetInt32());
        Assert.Equal("America/New_York", calendars["gym"].GetProperty("time_zone").GetString());
        Assert.True(calendars["old"].GetProperty("retired").GetBoolean());
        // The stored lab keeps its stored access (signed-in), whatever today's configuration says.
        Assert.Equal("signed_in", calendars["lab"].GetProperty("access").GetString());

        // The accounts, with their hashed passwords.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.LoginAsync("alice@example.org", "fixture-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.LoginAsync("alice@example.org", "fixture-password-2")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Http.RegisterAsync("ROOT@example.org", "another-password")).StatusCode);

        // The owners: slot 9 is Alice's (booked, cancelled, booked again, with a snapshot at 3), slot 4 anonymous, and
        // her dated booking on the lab.
        var board = await BookingsAsync(host, "/calendars/default/bookings");
        Assert.Equal([(4, null), (9, Alice)], board);
        Assert.Equal([(10, Alice)], await BookingsAsync(host, "/calendars/lab/bookings?date=2026-11-27"));

        // New events continue: an anonymous client may not cancel Alice's booking; she may.
        var (client, _) = await SocketClient.ConnectAndReadInitialAsync(host.WebSocketAddress);
        await using var _client = client;
        await client.CancelAsync(9);
        Assert.Equal("Slot 9 was not booked by you", (await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("message").GetString());
        await client.SendTextAsync($$"""{"type":"cancel_slot","slot_id":9,"token":"{{TestTokens.For(Alice)}}"}""");
        Assert.True((await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
        await client.CancelAsync(4);
        Assert.True((await client.ReceiveOfTypeAsync("cancellation_response")).GetProperty("success").GetBoolean());
        Assert.Empty(await BookingsAsync(host, "/calendars/default/bookings"));
    }

    private static async Task<(int, string?)[]> BookingsAsync(RunningHost host, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Root);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("bookings").EnumerateArray()
            .Select(b => (b.GetProperty("slot_id").GetInt32(), b.GetProperty("booked_by").GetString()))
            .OrderBy(b => b.Item1)
            .ToArray();
    }
}
