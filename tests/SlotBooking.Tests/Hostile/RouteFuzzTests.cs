using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using SlotBooking.Tests.EndToEnd;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Hostile;

/// <summary>
/// Hostile requests to every route the host maps (read from its endpoints): hostile path values, query values and
/// bodies, as anyone from nobody to an admin. Every answer comes within the timeout and is never a 5xx; every refusal is
/// a problem document that names no .NET type and quotes no exception; the bookings and the calendars equal a model
/// built only from successful answers. After the run the host is idle again and has logged no storm of errors.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class RouteFuzzTests : HostTest
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan AnswerWithin = CommandTimeout + TimeSpan.FromSeconds(2);
    private const int MaxErrorLines = 5;

    private static readonly Dictionary<Caller, string?> Tokens = new()
    {
        [Caller.Anonymous] = null,
        [Caller.Garbage] = "garbage.token.here",
        [Caller.Expired] = TestTokens.For("alice@example.org", expires: DateTimeOffset.UtcNow.AddHours(-2)),
        [Caller.ForeignKey] = TestTokens.For("root", admin: true, key: "another-signing-key-that-is-long-enough!!"),
        [Caller.Alice] = TestTokens.For("alice@example.org"),
        [Caller.Bob] = TestTokens.For("bob@example.org"),
        [Caller.Admin] = TestTokens.For("root", admin: true),
    };

    private static readonly string[] NearDates = Days(0, 1, 2);

    /// <summary>Days at the edges of the lab's window: only the horizon's last day (14) can be booked.</summary>
    private static readonly string[] EdgeDates = [.. Days(-1, 14, 15), "0001-01-01", "9999-12-31"];

    /// <summary>
    /// Refusals that are not problem documents, each with its reason: the framework's OpenAPI endpoint answers a document
    /// name it does not know with a plain-text 404 (and nothing of ours runs to change that).
    /// </summary>
    private static readonly (string Method, string Pattern, int Status)[] PlainRefusals = [("GET", "/openapi/{documentName}.json", 404)];


    /// <summary>The lab's days a booking may succeed on: today to the horizon's last day (14 days on).</summary>
    private static readonly HashSet<string> Bookable = [.. NearDates, .. Days(14)];

    private readonly LogCapture _log = new();
    private readonly List<string> _successes = [];

    protected override string[] HostArgs =>
    [
        .. LabCalendar.Args(),
        .. TestTokens.Args(),
        $"--SlotBooking:CommandTimeout={CommandTimeout}",
        $"--SlotBooking:AskTimeout={CommandTimeout}",
        "--SlotBooking:HttpRequestsPerSecond=100000",
        "--SlotBooking:HttpRequestBurst=100000",
        "--SlotBooking:Auth:RequestsPerMinute=100000",
        "--SlotBooking:Auth:RequestBurst=100000",
        "--SlotBooking:Auth:FailuresPerAddress=100000",
        "--SlotBooking:Auth:FailuresPerAccount=100000",
    ];

    protected override Action<IServiceCollection>? HostServices => _log.AddTo;

    [Fact]
    public async Task Every_route_answers_hostile_requests_in_time_without_5xx_with_problem_documents_and_only_successes_change_state()
    {
        var routes = FuzzRoute.All(Host.Services.GetRequiredService<EndpointDataSource>());
        Assert.Contains(routes, r => r.Pattern == "/calendars/{id}/availability" && r.QueryParameters.Contains("days"));
        Assert.Contains(routes, r => r.Method == "POST" && r.Pattern == "/book-slot");

        var requests = Arb.From(
            RouteRequests.Request(routes, NearDates, EdgeDates, ["lab", "default", "gym"]).ListOf().Select(l => l.ToArray()),
            batch => Enumerable.Range(0, batch.Length).Select(i => batch.Where((_, j) => j != i).ToArray()));
        var property = Prop.ForAll(requests, batch => CheckBatchAsync(batch).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(50), property);

        Assert.True(_successes.Contains("book-slot default") && _successes.Contains("book-slot lab") && _successes.Contains("create-calendar"),
            $"the run changed too little to test the model: {string.Join(", ", _successes.CountBy(s => s))}");
        var load = await ProcessIdle.LowestLoadAsync();
        Assert.True(load < 0.3, $"the host did not go back to idle: {load:P0} of a core at best; {_log.Describe()}");
        Assert.True(_log.ErrorCount <= MaxErrorLines, _log.Describe());
    }

    private async Task CheckBatchAsync(FuzzRequest[] batch)
    {
        var model = await StateOnServerAsync();
        foreach (var request in batch)
        {
            var (status, mediaType, body, serverRefusal) = await SendAsync(request);
            Assert.True(status < 500, $"{status} for {request}: {body}");
            if (status >= 400)
            {
                Assert.True(mediaType == "application/problem+json" || PlainRefusals.Contains((request.Route.Method, request.Route.Pattern, status))
                            || serverRefusal,
                    $"{status} without a problem document for {request}: '{body}'");
                Assert.False(body.Contains("System.", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal)
                             || body.Contains("   at ", StringComparison.Ordinal),
                    $"a refusal names a .NET type or an exception for {request}: {body}");
                continue;
            }
            Apply(model, request, status, body);
        }
        var onServer = await StateOnServerAsync(model.Boards);
        Assert.Equal(model.Describe(), onServer.Describe());
    }

    /// <summary>
    /// The answer; <c>ServerRefusal</c> when Kestrel refused the request before any middleware ran (a request line over
    /// 8 KB, a path with <c>%00</c>): an empty body on a connection it closes, which nothing of ours can turn into a problem.
    /// </summary>
    private async Task<(int Status, string? MediaType, string Body, bool ServerRefusal)> SendAsync(FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Route.Method), request.Path);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        if (Tokens[request.Caller] is { } token) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var timeout = new CancellationTokenSource(AnswerWithin);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await Host.Http.SendAsync(message, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body,
                body.Length == 0 && response.Headers.ConnectionClose == true);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {AnswerWithin} (after {Stopwatch.GetElapsedTime(started)}) to {request}");
        }
    }

    /// <summary>A success changes the model as the route says it did; reads change nothing.</summary>
    private void Apply(Model model, FuzzRequest request, int status, string body)
    {
        switch (request.Route.Method, request.Route.Pattern)
        {
            case ("POST", "/book-slot" or "/cancel-slot"):
                var answer = JsonDocument.Parse(body).RootElement;
                var slot = new Slot(
                    answer.TryGetProperty("calendar", out var c) ? c.GetString()! : "default",
                    answer.TryGetProperty("date", out var d) ? d.GetString() : null,
                    answer.GetProperty("slot_id").GetInt32());
                Assert.True(slot.Calendar != "lab" || (slot.Date is not null && Bookable.Contains(slot.Date)), $"{slot} changed outside the booking window by {request}");
                if (request.Route.Pattern == "/book-slot") Assert.True(model.Booked.Add(slot), $"{slot} booked twice by {request}");
                else Assert.True(model.Booked.Remove(slot), $"{slot} cancelled while free by {request}");
                _successes.Add($"{request.Route.Pattern.TrimStart('/')} {slot.Calendar}");
                break;
            case ("POST", "/calendars"):
                Assert.Equal(201, status);
                var created = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
                Assert.True(model.Calendars.TryAdd(created, false), $"{created} created twice by {request}");
                _successes.Add("create-calendar");
                break;
            case ("DELETE", "/calendars/{id}"):
                var retired = Uri.UnescapeDataString(request.Path.Split('?')[0].Split('/')[2]);
                Assert.True(model.Calendars.ContainsKey(retired), $"unknown {retired} retired by {request}");
                model.Calendars[retired] = true;
                break;
        }
    }

    /// <summary>The calendars (id → retired) and the booked slots of the default board, the lab's near days and any other board given.</summary>
    private async Task<Model> StateOnServerAsync(IEnumerable<(string Calendar, string? Date)>? moreBoards = null)
    {
        var list = await Host.Http.GetFromJsonAsync<JsonElement>("/calendars");
        var calendars = list.GetProperty("calendars").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("retired").GetBoolean());
        var boards = new HashSet<(string Calendar, string? Date)> { ("default", null) };
        foreach (var date in NearDates.Concat(EdgeDates)) boards.Add(("lab", date));
        foreach (var board in moreBoards ?? []) boards.Add(board);

        var model = new Model(calendars, []);
        foreach (var (calendar, date) in boards)
        {
            var path = date is null ? $"/calendars/{calendar}/slots" : $"/calendars/{calendar}/slots?date={date}";
            foreach (var id in await BookedSlotsRead.OfAsync(Host.Http, path)) model.Booked.Add(new Slot(calendar, date, id));
        }
        return model;
    }

    /// <summary>Days from today in the lab's zone, as YYYY-MM-DD.</summary>
    private static string[] Days(params int[] fromToday)
    {
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Date;
        return fromToday.Select(i => LocalDatePattern.Iso.Format(today.PlusDays(i))).ToArray();
    }

    private sealed record Slot(string Calendar, string? Date, int SlotId);

    private sealed record Model(Dictionary<string, bool> Calendars, HashSet<Slot> Booked)
    {
        public IEnumerable<(string Calendar, string? Date)> Boards => Booked.Select(s => (s.Calendar, s.Date)).Distinct();

        public string Describe() =>
            string.Join(", ", Calendars.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value ? $"{c.Key} (retired)" : c.Key))
            + " | " + string.Join(", ", Booked.Select(b => b.ToString()).Order(StringComparer.Ordinal));
    }
}
