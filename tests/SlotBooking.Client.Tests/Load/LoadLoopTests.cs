using SlotBooking.Protocol;
using SlotBooking.TestSupport;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Load;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.Client.Tests.Load;

/// <summary>The shared load loop against the real host: what it reports, and why it ends.</summary>
public sealed class LoadLoopTests : IAsyncLifetime
{
    private static readonly SlotRange Slots = new(3, 5);
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    private readonly TempDatabase _database = new();
    private RunningHost _host = null!;
    private SocketClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(_database.Path);
        (_client, _) = await SocketClient.ConnectAndReadInitialAsync(_host.WebSocketAddress);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Each_request_is_reported_sent_then_answered_one_at_a_time_until_no_more_are_wanted()
    {
        var observer = new Recording(wanted: 40, acceptAnswers: true);

        var ending = await Loop(observer).RunAsync(CancellationToken.None);

        Assert.Equal(EndingKind.Stopped, ending.Kind);
        Assert.Equal(40, observer.Sent.Count);
        Assert.Equal(observer.Sent, observer.Answers.Select(a => a.Request));
        Assert.All(observer.Answers, a => Assert.True(a.Request.IsAnsweredBy(a.Answer), $"{a.Answer} does not answer {a.Request}"));
        Assert.All(observer.Sent, r => Assert.True(Slots.Contains(r.SlotId)));
    }

    [Fact]
    public async Task An_answer_the_caller_does_not_accept_ends_the_loop_with_that_request_unanswered()
    {
        var observer = new Recording(wanted: int.MaxValue, acceptAnswers: false);

        var ending = await Loop(observer).RunAsync(CancellationToken.None);

        Assert.Equal(EndingKind.WrongAnswer, ending.Kind);
        Assert.Single(observer.Sent);
        Assert.Contains(observer.Sent[0].ToString(), ending.Detail);
    }

    [Fact]
    public async Task A_cancelled_loop_ends_as_stopped_not_as_an_error()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var ending = await Loop(new Recording(wanted: int.MaxValue, acceptAnswers: true)).RunAsync(cancelled.Token);

        Assert.Equal(EndingKind.Stopped, ending.Kind);
    }

    private LoadLoop Loop(ILoadLoopObserver observer) =>
        new(_client.Wire, new RequestFrames(Slots), new Random(7), ResponseTimeout, observer);

    private sealed class Recording(int wanted, bool acceptAnswers) : ILoadLoopObserver
    {
        public List<SlotRequest> Sent { get; } = [];
        public List<(SlotRequest Request, ServerFrame Answer)> Answers { get; } = [];

        public bool WantsAnother() => Sent.Count < wanted;

        public void Sending(SlotRequest request) => Sent.Add(request);

        public bool Answered(SlotRequest request, ServerFrame answer, long sentAt, long receivedAt)
        {
            Assert.True(receivedAt >= sentAt);
            Answers.Add((request, answer));
            return acceptAnswers;
        }

        public void SlotsUpdateReceived(long receivedAt)
        {
        }
    }
}
