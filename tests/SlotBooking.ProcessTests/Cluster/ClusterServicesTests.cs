using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.TestSupport;

namespace SlotBooking.ProcessTests.Cluster;

/// <summary>
/// The services that must be cluster-wide (issue 17, "Cluster-wide services"): a change through one node is visible
/// through all. Accounts and the calendar catalog are each made cluster-wide on their own branch; on a build without
/// them these tests fail, saying which node did not see the change.
/// </summary>
[Collection(ThreeNodeCollection.Name)]
public sealed class ClusterServicesTests(ClusterFixture cluster, ITestOutputHelper log) : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => cluster.EnsureAllUpAsync();

    [Fact]
    public async Task An_account_registered_through_A_signs_in_through_B_and_C_even_after_C_looked_it_up_and_cannot_be_registered_again_through_C()
    {
        var email = $"user-{Guid.NewGuid():N}"[..16] + "@example.org";
        // A sign-in through c before the account exists: c has now looked the email up (and, where accounts are
        // node-local, holds "no such account" in memory), as a mistyped or early sign-in does in production.
        using (var early = await cluster.C.Host.Http.PostAsJsonAsync("/auth/login", new { email, password = Password }))
            Assert.True(early.StatusCode == HttpStatusCode.Unauthorized, $"a sign-in through c before registration: expected 401, got {(int)early.StatusCode}");

        using (var registered = await cluster.A.Host.Http.PostAsJsonAsync("/auth/register", new { email, password = Password }))
            Assert.True(registered.StatusCode == HttpStatusCode.Created, $"register through a: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");

        foreach (var node in new[] { cluster.B, cluster.C })
        {
            using var login = await node.Host.Http.PostAsJsonAsync("/auth/login", new { email, password = Password });
            var body = await login.Content.ReadAsStringAsync();
            Assert.True(login.StatusCode == HttpStatusCode.OK, $"an account registered through a could not sign in through {node.Name}: {(int)login.StatusCode} {body}");
            var token = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString();

            using var me = new HttpRequestMessage(HttpMethod.Get, "/auth/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            using var answer = await cluster.A.Host.Http.SendAsync(me);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"a token issued by {node.Name} was not accepted by a: {(int)answer.StatusCode}");
        }

        using var again = await cluster.C.Host.Http.PostAsJsonAsync("/auth/register", new { email, password = Password });
        Assert.True(again.StatusCode == HttpStatusCode.Conflict,
            $"registering through c an email already registered through a: expected 409, got {(int)again.StatusCode} {await again.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task An_admins_calendar_created_and_changed_through_B_applies_to_bookings_through_A_and_C()
    {
        var id = $"c{Guid.NewGuid():N}"[..12];
        var admin = TestTokens.For("admin@example.org", admin: true);
        var b = cluster.B.Host.Http;
        using (var created = await SendAsync(b, HttpMethod.Post, "/calendars", admin,
                   new { id, name = "Cluster test", time_zone = "Europe/Berlin", first_hour = 8, last_hour = 19, access = "open" }))
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /calendars through b: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");

        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime).AddDays(2);
        var booked = await BookAsync(cluster.A, id, date, 10);
        Assert.True(Succeeded(booked), $"a booking through a of the calendar created through b: {booked}");

        using (var changed = await SendAsync(b, HttpMethod.Put, $"/calendars/{id}", admin, new { last_hour = 12 }))
            Assert.True(changed.StatusCode == HttpStatusCode.OK, $"PUT /calendars/{id} through b: {(int)changed.StatusCode} {await changed.Content.ReadAsStringAsync()}");

        foreach (var node in new[] { cluster.A, cluster.C })
        {
            var outside = await BookAsync(node, id, date, 15);
            log.WriteLine($"hour 15 through {node.Name} after last_hour became 12 through b: {outside}");
            Assert.False(Succeeded(outside), $"hour 15 was booked through {node.Name} after b's change made 12 the last hour: {outside}");
            Assert.Equal("booking_response", outside.GetProperty("type").GetString());
        }
    }

    private static bool Succeeded(JsonElement answer) => answer.TryGetProperty("success", out var success) && success.GetBoolean();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, object body)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };
        return await http.SendAsync(request);
    }

    /// <summary>book_slot of a dated calendar's slot over a new WebSocket on <paramref name="node"/>; its answer, or an error frame.</summary>
    private static async Task<JsonElement> BookAsync(ClusterNode node, string calendar, DateOnly date, int hour)
    {
        await using var client = await SocketClient.ConnectAsync(node.Host.WebSocketAddress);
        await client.SendTextAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "book_slot", ["calendar"] = calendar, ["date"] = date.ToString("yyyy-MM-dd"), ["slot_id"] = hour,
        }));
        var deadline = DateTime.UtcNow + AnswerTimeout;
        while (true)
        {
            var frame = await client.ReceiveAsync(deadline - DateTime.UtcNow);
            if (frame.GetProperty("type").GetString() is "booking_response" or "error") return frame;
        }
    }

    public Task DisposeAsync()
    {
        cluster.Output.DrainTo(log);
        return Task.CompletedTask;
    }
}
