using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.Tests.Hostile;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>The seed's four HTTP routes, with its key names, and live connection counts.</summary>
public sealed class HttpRouteTests : HostTest
{
    [Fact]
    public async Task Root_describes_the_service()
    {
        var client = await ConnectAsync();
        await client.BookAsync(9);
        await client.ReceiveOfTypeAsync("booking_response");

        var root = await Host.Http.GetFromJsonAsync<JsonElement>("/");
        Assert.Equal("Slot Booking API is running", root.GetProperty("message").GetString());
        Assert.Equal("/slot-booking", root.GetProperty("websocket_endpoint").GetString());
        Assert.Equal(1, root.GetProperty("active_connections").GetInt32());
        Assert.Equal([9], root.GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Health_reports_counts_and_the_database()
    {
        var client = await ConnectAsync();
        await client.BookAsync(3);
        await client.ReceiveOfTypeAsync("booking_response");

        var response = await Host.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(DateTimeOffset.TryParse(health.GetProperty("timestamp").GetString(), out _));
        Assert.Equal(1, health.GetProperty("active_connections").GetInt32());
        Assert.Equal(12, health.GetProperty("total_slots").GetInt32());
        Assert.Equal(1, health.GetProperty("booked_slots_count").GetInt32());
        Assert.Equal(11, health.GetProperty("available_slots_count").GetInt32());
        var database = health.GetProperty("database");
        Assert.Equal(12, database.GetProperty("total_slots").GetInt32());
        Assert.Equal(1, database.GetProperty("booked_slots").GetInt32());
        Assert.Equal(11, database.GetProperty("available_slots").GetInt32());
        Assert.Equal(Host.DatabasePath, database.GetProperty("database_path").GetString());
    }

    [Fact]
    public async Task Slots_lists_every_slot_and_the_split()
    {
        var client = await ConnectAsync();
        await client.BookAsync(14);
        await client.ReceiveOfTypeAsync("booking_response");

        var slots = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        var all = slots.GetProperty("slots").EnumerateArray().ToArray();
        Assert.Equal(12, all.Length);
        var last = all[^1];
        Assert.Equal(14, last.GetProperty("id").GetInt32());
        Assert.Equal("14:00", last.GetProperty("start_time").GetString());
        Assert.Equal("15:00", last.GetProperty("end_time").GetString());
        Assert.True(last.GetProperty("is_booked").GetBoolean());
        Assert.Equal(JsonValueKind.String, last.GetProperty("booked_at").ValueKind);
        Assert.Equal([14], slots.GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(Enumerable.Range(3, 11), slots.GetProperty("available_slots").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Stats_counts_slots_and_live_connections()
    {
        var first = await ConnectAsync();
        await ConnectAsync();

        var stats = await Host.Http.GetFromJsonAsync<JsonElement>("/stats");
        Assert.Equal(2, stats.GetProperty("websocket").GetProperty("active_connections").GetInt32());
        Assert.Equal(12, stats.GetProperty("slots").GetProperty("total").GetInt32());
        Assert.Equal(0, stats.GetProperty("slots").GetProperty("booked").GetInt32());
        Assert.Equal(12, stats.GetProperty("slots").GetProperty("available").GetInt32());
        Assert.Equal(12, stats.GetProperty("database").GetProperty("available_slots").GetInt32());

        await first.CloseAsync();
        await Eventually.ActiveConnectionsAsync(Host, 1);
    }

    [Fact]
    public async Task By_default_every_origin_is_allowed_as_in_the_seed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/slots");
        request.Headers.Add("Origin", "https://anywhere.example");

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_socket_path_refuses_plain_http_with_a_hint()
    {
        var response = await Host.Http.GetAsync("/slot-booking");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", await response.Content.ReadAsStringAsync());
    }
}
