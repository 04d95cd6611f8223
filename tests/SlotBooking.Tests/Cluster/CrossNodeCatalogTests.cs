using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Host.Cluster;
using SlotBooking.Tests.PostgreSql;
using SlotBooking.TestSupport;
using Xunit.Abstractions;

namespace SlotBooking.Tests.Cluster;

/// <summary>
/// Two whole hosts in this process joined into one cluster on one PostgreSQL database. The calendar catalog is a
/// singleton on the oldest node (A); an admin's change through the other node (B) crosses to it, and every node's
/// registry follows: bookings through either node apply the change.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class CrossNodeCatalogTests(PostgreSqlFixture postgres, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly string Admin = TestTokens.For("root", admin: true);
    private static readonly TimeSpan FollowTimeout = TimeSpan.FromSeconds(15);

    private readonly TempDatabase _unusedSqlite = new();
    private RunningHost _a = null!;
    private RunningHost _b = null!;

    public async Task InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        var (low, high) = (LoopbackPort.Free(), LoopbackPort.Free());
        var seed = $"akka.tcp://{ClusterNodeOptions.ActorSystemName}@127.0.0.1:{low}";
        string[] Args(int port) =>
        [
            .. database.HostArgs, .. LabCalendar.Args(8, 19), .. TestTokens.Args(),
            $"--SlotBooking:Cluster:Port={port}", $"--SlotBooking:Cluster:SeedNodes:0={seed}",
        ];
        // A starts first and is the oldest member: the catalog runs there.
        _a = await RunningHost.StartAsync(_unusedSqlite.Path, Args(low));
        _b = await RunningHost.StartAsync(_unusedSqlite.Path, Args(high));
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        _unusedSqlite.Dispose();
    }

    [Fact]
    public async Task An_admins_change_through_one_node_applies_to_bookings_through_both()
    {
        // Through B, to the catalog on A: the lab loses hours 18 and 19; gym is created.
        var changed = await SendAsync(_b, HttpMethod.Put, "/calendars/lab", """{"last_hour":17}""");
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var created = await SendAsync(_b, HttpMethod.Post, "/calendars",
            """{"id":"gym","name":"Gym","time_zone":"Europe/Berlin","first_hour":6,"last_hour":22,"horizon_days":30,"access":"open"}""");
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        // Each node's registry, as its GET /calendars shows it, follows.
        foreach (var node in new[] { _a, _b })
        {
            await EventuallyAsync(async () =>
            {
                var calendars = await CalendarsAsync(node);
                return calendars.TryGetValue("lab", out var lab) && lab.GetProperty("last_hour").GetInt32() == 17 && calendars.ContainsKey("gym");
            });
        }

        var tomorrow = InBerlin(1);
        foreach (var node in new[] { _a, _b })
        {
            await using var client = await SocketClient.ConnectAsync(node.WebSocketAddress);
            var removed = await BookAsync(client, "lab", tomorrow, 18);
            Assert.False(removed.GetProperty("success").GetBoolean(), removed.GetRawText());
            log.WriteLine($"{node.HttpAddress}: {removed.GetProperty("message").GetString()}");
            var kept = await BookAsync(client, "lab", tomorrow, node == _a ? 16 : 17);
            Assert.True(kept.GetProperty("success").GetBoolean(), kept.GetRawText());
            var gym = await BookAsync(client, "gym", tomorrow, node == _a ? 6 : 7);
            Assert.True(gym.GetProperty("success").GetBoolean(), gym.GetRawText());
        }

        // Through A, the node that runs the catalog, a retirement reaches B too.
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(_a, HttpMethod.Delete, "/calendars/gym")).StatusCode);
        await EventuallyAsync(async () => (await CalendarsAsync(_b))["gym"].GetProperty("retired").GetBoolean());
        await using (var client = await SocketClient.ConnectAsync(_b.WebSocketAddress))
        {
            var refused = await BookAsync(client, "gym", tomorrow, 8);
            Assert.Equal("Calendar gym is retired and takes no new bookings", refused.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task When_the_catalogs_node_leaves_the_catalog_moves_to_the_other_with_every_stored_change()
    {
        var changed = await SendAsync(_b, HttpMethod.Put, "/calendars/lab", """{"name":"Lab before"}""");
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());

        // A leaves gracefully (what SIGTERM does): the singleton hands over to B, which recovers it from the shared journal.
        await _a.StopAsync();

        // Until B's catalog has recovered, an ask may time out (503): the admin tries again.
        await EventuallyAsync(async () => (await SendAsync(_b, HttpMethod.Put, "/calendars/lab", """{"horizon_days":7}""")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(45));
        var lab = (await CalendarsAsync(_b))["lab"];
        Assert.Equal(("Lab before", 7), (lab.GetProperty("name").GetString(), lab.GetProperty("horizon_days").GetInt32()));
    }

    private static Task<HttpResponseMessage> SendAsync(RunningHost node, HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        return node.Http.SendAsync(request);
    }

    private static async Task<Dictionary<string, JsonElement>> CalendarsAsync(RunningHost node)
    {
        var body = await node.Http.GetFromJsonAsync<JsonElement>("/calendars");
        return body.GetProperty("calendars").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.Clone());
    }

    private static async Task<JsonElement> BookAsync(SocketClient client, string calendar, string date, int slot)
    {
        await client.SendTextAsync($$"""{"type":"book_slot","calendar":"{{calendar}}","date":"{{date}}","slot_id":{{slot}}}""");
        return await client.ReceiveOfTypeAsync("booking_response");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds: a node learns of a change through pub-sub, a moment after the admin's answer.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? FollowTimeout);
        while (!await condition())
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
    }

    private static string InBerlin(int daysFromToday)
    {
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;
        return LocalDatePattern.Iso.Format(today.PlusDays(daysFromToday));
    }
}
