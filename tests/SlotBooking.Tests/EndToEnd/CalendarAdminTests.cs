using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Host;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>
/// Admins manage calendars over HTTP on a real host: only admins may, changes are durable, a change of hours never
/// strands a booking, a created calendar is bookable at once, and a retired one refuses bookings but keeps its days.
/// </summary>
public class CalendarAdminTests : HostTest
{
    private static readonly string Admin = TestTokens.For("root", admin: true);
    private static readonly string User = TestTokens.For("alice");

    // Open, so that the tests book anonymously whatever the default access of configured calendars becomes.
    protected override string[] HostArgs => [.. LabCalendar.Args(8, 19), .. TestTokens.Args()];

    private static string InBerlin(int daysFromToday)
    {
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;
        return LocalDatePattern.Iso.Format(today.PlusDays(daysFromToday));
    }

    private const string Gym =
        """{"id":"gym","name":"Gym","time_zone":"Europe/Berlin","first_hour":6,"last_hour":22,"horizon_days":30,"access":"open"}""";

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Host.Http.SendAsync(request);
    }

    private async Task<JsonElement> CalendarAsync(string id)
    {
        var body = await Host.Http.GetFromJsonAsync<JsonElement>("/calendars");
        return body.GetProperty("calendars").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Book(string calendar, string date, int slot) =>
        $$"""{"type":"book_slot","calendar":"{{calendar}}","date":"{{date}}","slot_id":{{slot}}}""";

    [Fact]
    public async Task Only_admins_change_calendars_anonymous_callers_get_401_and_others_403()
    {
        (HttpMethod Method, string Path, string? Body)[] changes =
        [
            (HttpMethod.Post, "/calendars", Gym),
            (HttpMethod.Put, "/calendars/lab", """{"name":"Mine"}"""),
            (HttpMethod.Delete, "/calendars/lab", null),
        ];
        foreach (var (method, path, body) in changes)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(method, path, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(method, path, body, User)).StatusCode);
        }

        var calendars = await Host.Http.GetFromJsonAsync<JsonElement>("/calendars");
        Assert.Equal(["default", "lab"], calendars.GetProperty("calendars").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var lab = await CalendarAsync("lab");
        Assert.Equal("Robotics lab", lab.GetProperty("name").GetString());
        Assert.False(lab.GetProperty("retired").GetBoolean());
    }

    [Fact]
    public async Task An_admin_creates_changes_and_retires_calendars_refusing_bad_changes_and_it_all_survives_a_restart()
    {
        var created = await SendAsync(HttpMethod.Post, "/calendars", Gym, Admin);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/calendars/gym", created.Headers.Location?.OriginalString);
        var gym = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            """{"id":"gym","name":"Gym","time_zone":"Europe/Berlin","first_hour":6,"last_hour":22,"dated":true,"horizon_days":30,"min_notice_minutes":0,"access":"open","retired":false}""",
            gym.GetRawText());

        Assert.Contains("already exists", (await ProblemAsync(await SendAsync(HttpMethod.Post, "/calendars", Gym, Admin), HttpStatusCode.Conflict))
            .GetProperty("detail").GetString());
        var reserved = await ProblemAsync(
            await SendAsync(HttpMethod.Post, "/calendars", Gym.Replace("\"gym\"", "\"default\""), Admin), HttpStatusCode.BadRequest);
        Assert.True(reserved.GetProperty("errors").TryGetProperty("id", out _));
        var invalid = await ProblemAsync(await SendAsync(HttpMethod.Post, "/calendars",
            """{"id":"pool","time_zone":"Mars/Base","first_hour":25,"last_hour":22,"access":"public"}""", Admin), HttpStatusCode.BadRequest);
        Assert.Equal(["time_zone", "first_hour", "access"], invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("Field 'first_hour': 25 is not an hour of the day", invalid.GetProperty("detail").GetString());
        var misspelt = await ProblemAsync(await SendAsync(HttpMethod.Post, "/calendars",
            """{"id":"pool","time_zone":"UTC","first_hour":8,"last_hour":9,"horizon_day":3}""", Admin), HttpStatusCode.BadRequest);
        Assert.True(misspelt.GetProperty("errors").TryGetProperty("horizon_day", out _));

        var updated = await SendAsync(HttpMethod.Put, "/calendars/gym", """{"name":"Gym B","horizon_days":7,"time_zone":"Europe/Berlin"}""", Admin);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var gymB = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Gym B", 7, 6, 22), (gymB.GetProperty("name").GetString(), gymB.GetProperty("horizon_days").GetInt32(),
            gymB.GetProperty("first_hour").GetInt32(), gymB.GetProperty("last_hour").GetInt32()));
        var zone = await ProblemAsync(await SendAsync(HttpMethod.Put, "/calendars/gym", """{"time_zone":"Europe/London"}""", Admin), HttpStatusCode.BadRequest);
        Assert.True(zone.GetProperty("errors").TryGetProperty("time_zone", out _));

        await ProblemAsync(await SendAsync(HttpMethod.Put, "/calendars/nope", """{"name":"x"}""", Admin), HttpStatusCode.NotFound);
        await ProblemAsync(await SendAsync(HttpMethod.Delete, "/calendars/nope", null, Admin), HttpStatusCode.NotFound);
        await ProblemAsync(await SendAsync(HttpMethod.Put, "/calendars/default", """{"name":"x"}""", Admin), HttpStatusCode.BadRequest);
        await ProblemAsync(await SendAsync(HttpMethod.Delete, "/calendars/default", null, Admin), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, "/calendars/lab", null, Admin)).StatusCode);
        Assert.True((await CalendarAsync("lab")).GetProperty("retired").GetBoolean());
        await ProblemAsync(await SendAsync(HttpMethod.Put, "/calendars/lab", """{"name":"x"}""", Admin), HttpStatusCode.Conflict);
        await ProblemAsync(await SendAsync(HttpMethod.Post, "/calendars", Gym.Replace("\"gym\"", "\"lab\""), Admin), HttpStatusCode.Conflict);

        var before = (await Host.Http.GetFromJsonAsync<JsonElement>("/calendars")).GetRawText();
        await RestartHostAsync();
        Assert.Equal(before, (await Host.Http.GetFromJsonAsync<JsonElement>("/calendars")).GetRawText());
        Assert.Contains("\"id\":\"gym\",\"name\":\"Gym B\"", before);
    }

    [Fact]
    public async Task The_service_takes_requests_only_once_the_stored_calendars_are_back()
    {
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/calendars", Gym, Admin)).StatusCode);
        await Host.StopAsync();

        // Started directly, without RunningHost's wait for /health: the first request already sees the stored calendar.
        await using var app = SlotBookingApp.Create(
        [
            "--urls=http://127.0.0.1:0", $"--SlotBooking:DatabasePath={Host.DatabasePath}", "--Logging:LogLevel:Default=Warning", .. StartArgs,
        ]);
        // Hosted services start one after another in this order, the web server last: the catalog's readiness comes
        // after the actor system has started and before anything is served.
        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        var (akka, readiness, server) = (hosted.IndexOf("AkkaHostedService"), hosted.IndexOf("CatalogReadiness"), hosted.IndexOf("GenericWebHostService"));
        Assert.True(akka >= 0 && akka < readiness && readiness < server, string.Join(", ", hosted));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var calendars = await http.GetFromJsonAsync<JsonElement>("/calendars");
        Assert.Equal(["default", "lab", "gym"], calendars.GetProperty("calendars").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        await app.StopAsync();
    }

    [Fact]
    public async Task An_hour_with_a_booking_still_to_come_is_not_removed_and_the_refusal_names_the_booking()
    {
        var client = await ConnectAsync();
        var tomorrow = InBerlin(1);
        await client.SendTextAsync(Book("lab", tomorrow, 18));
        var booked = await client.ReceiveOfTypeAsync("booking_response");
        Assert.True(booked.GetProperty("success").GetBoolean(), booked.GetRawText());

        var refused = await ProblemAsync(await SendAsync(HttpMethod.Put, "/calendars/lab", """{"last_hour":17}""", Admin), HttpStatusCode.Conflict);
        Assert.Contains($"{tomorrow} 18:00", refused.GetProperty("detail").GetString());
        var booking = Assert.Single(refused.GetProperty("bookings").EnumerateArray());
        Assert.Equal((tomorrow, 18), (booking.GetProperty("date").GetString(), booking.GetProperty("hour").GetInt32()));
        Assert.Equal(19, (await CalendarAsync("lab")).GetProperty("last_hour").GetInt32());

        // Hour 19 has no booking: it goes, and hour 18 keeps its booking.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/calendars/lab", """{"last_hour":18}""", Admin)).StatusCode);
        Assert.Equal(18, (await CalendarAsync("lab")).GetProperty("last_hour").GetInt32());
        var day = await Host.Http.GetFromJsonAsync<JsonElement>($"/calendars/lab/slots?date={tomorrow}");
        Assert.Equal([18], day.GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task A_created_calendar_is_bookable_at_once_and_once_retired_refuses_bookings_and_keeps_its_history()
    {
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/calendars", Gym, Admin)).StatusCode);
        var client = await ConnectAsync();
        var tomorrow = InBerlin(1);
        await client.SendTextAsync(Book("gym", tomorrow, 10));
        var booked = await client.ReceiveOfTypeAsync("booking_response");
        Assert.True(booked.GetProperty("success").GetBoolean(), booked.GetRawText());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, "/calendars/gym", null, Admin)).StatusCode);

        await client.SendTextAsync(Book("gym", InBerlin(2), 11));
        var refused = await client.ReceiveOfTypeAsync("booking_response");
        Assert.False(refused.GetProperty("success").GetBoolean());
        Assert.Equal("Calendar gym is retired and takes no new bookings", refused.GetProperty("message").GetString());

        var day = await Host.Http.GetFromJsonAsync<JsonElement>($"/calendars/gym/slots?date={tomorrow}");
        Assert.Equal([10], day.GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()));
        await client.SendTextAsync($$"""{"type":"cancel_slot","calendar":"gym","date":"{{tomorrow}}","slot_id":10}""");
        var cancelled = await client.ReceiveOfTypeAsync("cancellation_response");
        Assert.True(cancelled.GetProperty("success").GetBoolean(), cancelled.GetRawText());
    }
}
