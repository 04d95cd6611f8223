using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Slots;
using SlotBooking.Host.Http;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>
/// "My bookings" on the real host: <c>GET</c>/<c>POST /my-bookings</c> with a bearer token, and the <c>my_bookings</c>
/// frame of a signed-in connection. Bookings are made on behalf of a subject through the host's own actors, which is
/// what a signed-in socket request comes down to.
/// </summary>
public class MyBookingsTests : IAsyncLifetime
{
    private const string Alice = "alice@example.org";
    private const string Bob = "bob@example.org";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private readonly TempDatabase _database = new();
    private readonly List<IAsyncDisposable> _disposables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var d in Enumerable.Reverse(_disposables)) await d.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>Arguments that choose the storage, asked once per test; none (the temporary SQLite file) by default.</summary>
    protected virtual Task<string[]> StorageArgsAsync() => Task.FromResult<string[]>([]);

    private string[]? _storageArgs;

    private async Task<RunningHost> StartAsync(Action<IServiceCollection>? services = null)
    {
        _storageArgs ??= await StorageArgsAsync();
        string[] args = [.. _storageArgs, .. TestTokens.Args(), .. LabCalendar.Args()];
        var host = services is null ? await RunningHost.StartAsync(_database.Path, args) : await RunningHost.StartAsync(_database.Path, services, args);
        _disposables.Add(host);
        return host;
    }

    private static async Task BookAsync(RunningHost host, string owner, int slotId, LocalDate? labDate = null)
    {
        var command = new BookSlot(slotId, CorrelationId: 1) { By = Requester.SignedIn(owner) };
        var boards = await host.Services.GetRequiredService<BoardDirectory>().GetAsync();
        var reply = await boards.Ask<SlotReply>(labDate is { } date ? new BoardKey("lab", date) : BoardKey.Default, command, Timeout, CancellationToken.None);
        Assert.True(reply.Result.Success, reply.Result.Message);
    }

    private static HttpRequestMessage Request(HttpMethod method, string? token, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(method, "/my-bookings") { Content = body };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(RunningHost host, HttpRequestMessage request)
    {
        using var response = await host.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static LocalDate TodayInBerlin() => SystemClock.Instance.GetCurrentInstant().InZone(Berlin).Date;

    [Fact]
    public async Task Get_and_post_list_the_callers_bookings_in_the_seeds_shape_with_calendar_fields_and_nobody_elses()
    {
        var host = await StartAsync();
        var tomorrow = TodayInBerlin().PlusDays(1);
        await BookAsync(host, Alice, 12, tomorrow);
        await BookAsync(host, Alice, 5);
        await BookAsync(host, Bob, 6);
        var alice = TestTokens.For(Alice);

        var (status, body) = await SendAsync(host, Request(HttpMethod.Get, alice));
        Assert.Equal(HttpStatusCode.OK, status);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.Equal(2, json.GetProperty("total_bookings").GetInt32());
        var bookings = json.GetProperty("bookings").EnumerateArray().ToList();

        // The default calendar's booking first: no date and no times, it lasts until cancelled.
        var undated = bookings[0];
        Assert.Equal(5, undated.GetProperty("id").GetInt32());
        Assert.Equal("05:00", undated.GetProperty("start_time").GetString());
        Assert.Equal("06:00", undated.GetProperty("end_time").GetString());
        Assert.Equal("default", undated.GetProperty("calendar").GetString());
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("date").ValueKind);
        Assert.Equal(5, undated.GetProperty("slot_id").GetInt32());
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("starts_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("ends_at").ValueKind);
        Assert.EndsWith("+00:00", undated.GetProperty("booked_at").GetString());

        var dated = bookings[1];
        Assert.Equal(12, dated.GetProperty("id").GetInt32());
        Assert.Equal("12:00", dated.GetProperty("start_time").GetString());
        Assert.Equal("13:00", dated.GetProperty("end_time").GetString());
        Assert.Equal("lab", dated.GetProperty("calendar").GetString());
        Assert.Equal(tomorrow.ToString("yyyy-MM-dd", null), dated.GetProperty("date").GetString());
        var startsAt = DateTimeOffset.Parse(dated.GetProperty("starts_at").GetString()!);
        Assert.Equal(tomorrow.At(new LocalTime(12, 0)).InZoneStrictly(Berlin).ToDateTimeOffset(), startsAt);
        Assert.Equal(startsAt.AddHours(1), DateTimeOffset.Parse(dated.GetProperty("ends_at").GetString()!));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$", dated.GetProperty("booked_at").GetString());

        // The later seed's clients post their token in the body and send the header too; any body or none is accepted.
        Assert.Equal((HttpStatusCode.OK, body), await SendAsync(host, Request(HttpMethod.Post, alice,
            new StringContent($$"""{"token":"{{alice}}"}""", Encoding.UTF8, "application/json"))));
        Assert.Equal((HttpStatusCode.OK, body), await SendAsync(host, Request(HttpMethod.Post, alice)));

        var (_, bobs) = await SendAsync(host, Request(HttpMethod.Get, TestTokens.For(Bob)));
        var bobsBookings = JsonDocument.Parse(bobs).RootElement.GetProperty("bookings").EnumerateArray().ToList();
        Assert.Equal([6], bobsBookings.Select(b => b.GetProperty("slot_id").GetInt32()));
    }

    [Fact]
    public async Task Without_a_valid_token_both_routes_answer_401()
    {
        var host = await StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, Request(HttpMethod.Get, null))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, Request(HttpMethod.Post, null,
            new StringContent("""{"token":"not-a-token"}""", Encoding.UTF8, "application/json")))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, Request(HttpMethod.Get, TestTokens.For(Alice, key: "another-signing-key-that-is-long-enough!!")))).Status);
    }

    [Fact]
    public async Task A_dated_booking_is_listed_until_its_slot_ends_and_then_no_more()
    {
        // 08:30 in Berlin on Thursday 2026-11-26, on the host's own clock.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 7, 30, 0, TimeSpan.Zero));
        var host = await StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        var thursday = new LocalDate(2026, 11, 26);
        await BookAsync(host, Alice, 9, thursday);
        await BookAsync(host, Alice, 11, thursday);
        var token = TestTokens.For(Alice, now: clock.GetUtcNow(), expires: clock.GetUtcNow().AddDays(1));

        Assert.Equal(new[] { 9, 11 }, await ListedSlotsAsync());
        clock.Advance(TimeSpan.FromMinutes(90)); // 10:00 in Berlin: slot 9 has just ended
        Assert.Equal(new[] { 11 }, await ListedSlotsAsync());
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await ListedSlotsAsync());

        async Task<int[]> ListedSlotsAsync()
        {
            var (status, body) = await SendAsync(host, Request(HttpMethod.Get, token));
            Assert.Equal(HttpStatusCode.OK, status);
            return JsonDocument.Parse(body).RootElement.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("slot_id").GetInt32()).ToArray();
        }
    }

    [Fact]
    public async Task A_signed_in_connection_is_sent_its_bookings_at_connect_and_after_each_change_and_never_anothers()
    {
        var host = await StartAsync();
        var alice = await ConnectAsync(host, Alice);
        var bob = await ConnectAsync(host, Bob);
        Assert.Empty(Bookings(await alice.ReceiveOfTypeAsync("my_bookings")));
        Assert.Empty(Bookings(await bob.ReceiveOfTypeAsync("my_bookings")));

        await alice.BookAsync(7);
        Assert.Equal([7], Bookings(await alice.ReceiveOfTypeAsync("my_bookings")).Select(b => b.GetProperty("slot_id").GetInt32()));
        await alice.CancelAsync(7);
        Assert.Empty(Bookings(await alice.ReceiveOfTypeAsync("my_bookings")));

        // Anything pushed to Bob for Alice's changes would have reached him before this answer.
        await bob.GetSlotsAsync("sync");
        while (true)
        {
            var frame = await bob.ReceiveAsync();
            Assert.NotEqual("my_bookings", frame.GetProperty("type").GetString());
            if (frame.TryGetProperty("request_id", out var id) && id.GetString() == "sync") break;
        }

        static List<JsonElement> Bookings(JsonElement frame) => frame.GetProperty("bookings").EnumerateArray().ToList();
    }

    private async Task<SocketClient> ConnectAsync(RunningHost host, string subject)
    {
        var client = await SocketClient.ConnectAsync(new Uri($"{host.WebSocketAddress}?access_token={TestTokens.For(subject)}"));
        _disposables.Add(client);
        return client;
    }
}
