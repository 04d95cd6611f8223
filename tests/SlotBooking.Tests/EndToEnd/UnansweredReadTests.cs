using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using SlotBooking.Actors.Board;

namespace SlotBooking.Tests.EndToEnd;

/// <summary>
/// HTTP reads when the board does not answer in time, or reading it fails: problem documents, never a bare status.
/// The board's place is taken by a real actor that never answers, so the routes' asks time out for real.
/// </summary>
public sealed class UnansweredReadTests
{
    private const string ShortAskTimeout = "--SlotBooking:AskTimeout=00:00:00.200";

    [Theory]
    [InlineData("/")]
    [InlineData("/slots")]
    [InlineData("/stats")]
    public async Task A_read_the_board_does_not_answer_in_time_is_503_with_a_problem_document(string path)
    {
        await using var host = await StandInBoardHost<SilentBoard>.StartAsync(ShortAskTimeout);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://anywhere.example");
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        // A page on another origin can read why: the CORS headers outlive the error handler clearing the response.
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("Service busy", problem.GetProperty("title").GetString());
        Assert.Contains("did not answer within 0.2 s", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_says_unresponsive_when_the_board_does_not_answer_in_time()
    {
        await using var host = await StandInBoardHost<SilentBoard>.StartAsync(ShortAskTimeout);

        using var response = await host.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unresponsive", health.GetProperty("status").GetString());
        Assert.Equal(0, health.GetProperty("booked_slots_count").GetInt32());
    }

    [Fact]
    public async Task Any_other_failure_is_500_with_a_problem_document_that_keeps_the_exception_to_the_server()
    {
        await using var host = await StandInBoardHost<BrokenBoard>.StartAsync();

        using var response = await host.Http.GetAsync("/slots");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain(BrokenBoard.Failure, body);
    }

    /// <summary>The board's registry entry pointed at an actor that takes every message and answers none.</summary>
    private sealed class SilentBoard(ActorSystem system) : IRequiredActor<BoardActor>
    {
        public IActorRef ActorRef { get; } = system.ActorOf(Props.Create<BlackHole>(), "silent-board");

        public Task<IActorRef> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(ActorRef);

        private sealed class BlackHole : ReceiveActor
        {
            public BlackHole() => ReceiveAny(_ => { });
        }
    }

    /// <summary>A board that cannot be found at all: an exception the host has no special answer for.</summary>
    private sealed class BrokenBoard : IRequiredActor<BoardActor>
    {
        public const string Failure = "stand-in board failure";

        public IActorRef ActorRef => throw new InvalidOperationException(Failure);

        public Task<IActorRef> GetAsync(CancellationToken cancellationToken = default) =>
            Task.FromException<IActorRef>(new InvalidOperationException(Failure));
    }
}
