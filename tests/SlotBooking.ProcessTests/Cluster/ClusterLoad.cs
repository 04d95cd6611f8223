using System.Diagnostics;
using SlotBooking.ProcessTests.Load;
using SlotBooking.TestSupport;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Load;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.ProcessTests.Cluster;

/// <summary>How a node answered one book or cancel.</summary>
public enum AnswerKind
{
    /// <summary><c>success: true</c>: one stored event.</summary>
    Done,
    /// <summary>An honest refusal by the slot's rules (already booked, not booked): nothing stored.</summary>
    Refused,
    /// <summary>The session's command timeout ("did not confirm"), a store failure, or a command never delivered ("cannot be reached"): maybe stored, maybe not (an undelivered one was not, but it is no refusal by the slot's rules either).</summary>
    NotConfirmed,
    /// <summary>An <c>error</c> frame instead of a response (e.g. "the server is shutting down").</summary>
    Error,
}

/// <summary>
/// One WebSocket client of a cluster test on one node, running the wire client's load loop until it is stopped or
/// its connection ends. Unlike <see cref="LoadClient"/> it goes on after a "not confirmed" answer or an error frame
/// (which happen while a dead node's shards move), and counts each kind of answer, so a test can say which ones it
/// tolerates. The ledger counts a Done or Refused answer as answered; anything else stays "maybe done".
/// </summary>
public sealed class ClusterLoadClient : ILoadLoopObserver, IAsyncDisposable
{
    private static readonly RequestFrames Frames = new(SlotIds.Range);
    // Longer than the session's command timeout (15 s): every request gets an answer from the session first.
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(40);

    private readonly SocketClient _socket;
    private readonly OperationLedger _ledger;
    private readonly Lock _gate = new();
    private readonly Dictionary<AnswerKind, int> _counts = Enum.GetValues<AnswerKind>().ToDictionary(k => k, _ => 0);
    private readonly List<string> _notable = [];
    private volatile bool _stop;
    private DateTime? _inFlightSentAt;

    private ClusterLoadClient(ClusterNode node, SocketClient socket, OperationLedger ledger, int seed)
    {
        Node = node;
        _socket = socket;
        _ledger = ledger;
        var loop = new LoadLoop(socket.Wire, Frames, new Random(seed), ResponseTimeout, this);
        Run = Task.Run(() => loop.RunAsync(CancellationToken.None));
    }

    public ClusterNode Node { get; }

    /// <summary>Completes with the reason the loop stopped; it never faults.</summary>
    public Task<ClientEnding> Run { get; }

    public static async Task<ClusterLoadClient> StartAsync(ClusterNode node, OperationLedger ledger, int seed)
    {
        var (socket, initial) = await SocketClient.ConnectAndReadInitialAsync(node.Host.WebSocketAddress);
        if (initial.GetProperty("type").GetString() != "slots_update")
            throw new InvalidOperationException($"{node.Name}: the first frame was not slots_update: {initial}");
        return new ClusterLoadClient(node, socket, ledger, seed);
    }

    /// <summary>Asks the loop to stop after the request in flight is answered.</summary>
    public void Stop() => _stop = true;

    public int Count(AnswerKind kind)
    {
        lock (_gate) return _counts[kind];
    }

    /// <summary>The answers that were not Done or Refused, as "kind: message" (at most 20).</summary>
    public IReadOnlyList<string> Notable
    {
        get { lock (_gate) return _notable.ToList(); }
    }

    /// <summary>When the request still unanswered was sent; null when none is.</summary>
    public DateTime? InFlightSentAt
    {
        get { lock (_gate) return _inFlightSentAt; }
    }

    public Task AnswerServerCloseAsync() =>
        _socket.Wire.State == System.Net.WebSockets.WebSocketState.CloseReceived ? _socket.Wire.CloseOutputAsync() : Task.CompletedTask;

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    bool ILoadLoopObserver.WantsAnother() => !_stop;

    void ILoadLoopObserver.Sending(SlotRequest request)
    {
        lock (_gate) _inFlightSentAt = DateTime.UtcNow;
        _ledger.Sending(request.SlotId);
    }

    bool ILoadLoopObserver.Answered(SlotRequest request, ServerFrame answer, long sentAt, long receivedAt)
    {
        AnswerKind kind;
        if (answer.Kind == ServerFrameKind.Error) kind = AnswerKind.Error;
        else if (!request.IsAnsweredBy(answer)) return false;
        else kind = Classify(answer);

        if (kind is AnswerKind.Done or AnswerKind.Refused) _ledger.Answered(request.SlotId, kind == AnswerKind.Done);
        lock (_gate)
        {
            _inFlightSentAt = null;
            _counts[kind]++;
            if (kind is AnswerKind.NotConfirmed or AnswerKind.Error && _notable.Count < 20)
                _notable.Add($"{Node.Name} {DateTime.UtcNow:HH:mm:ss.fff} {kind} to {request}: {answer.Message}");
        }
        return true;
    }

    void ILoadLoopObserver.SlotsUpdateReceived(long receivedAt)
    {
    }

    /// <summary>A response's kind from its success flag and, for a refusal, its words (src/Actors/Domain/SlotMessages).</summary>
    public static AnswerKind Classify(ServerFrame answer) =>
        answer.Kind == ServerFrameKind.Error ? AnswerKind.Error
        : answer.Success ? AnswerKind.Done
        : answer.Message is { } m && (m.Contains("did not confirm", StringComparison.Ordinal) || m.Contains("unavailable", StringComparison.Ordinal)
                                      || m.Contains("cannot be reached", StringComparison.Ordinal))
            ? AnswerKind.NotConfirmed
            : AnswerKind.Refused;
}

/// <summary>Load clients spread over several nodes, sharing one ledger.</summary>
public sealed class ClusterLoad : IAsyncDisposable
{
    private ClusterLoad(IReadOnlyList<ClusterLoadClient> clients) => Clients = clients;

    public IReadOnlyList<ClusterLoadClient> Clients { get; }

    public static async Task<ClusterLoad> StartAsync(IReadOnlyList<ClusterNode> nodes, int clientsPerNode, OperationLedger ledger, int seed) =>
        new(await Task.WhenAll(nodes.SelectMany((node, n) =>
            Enumerable.Range(0, clientsPerNode).Select(i => ClusterLoadClient.StartAsync(node, ledger, seed + n * clientsPerNode + i)))));

    public IEnumerable<ClusterLoadClient> On(ClusterNode node) => Clients.Where(c => c.Node == node);

    public IEnumerable<ClusterLoadClient> NotOn(ClusterNode node) => Clients.Where(c => c.Node != node);

    public static async Task<IReadOnlyList<(ClusterLoadClient Client, ClientEnding Ending)>> WaitForEndingsAsync(
        IEnumerable<ClusterLoadClient> clients, TimeSpan timeout)
    {
        var list = clients.ToList();
        var endings = await Task.WhenAll(list.Select(c => c.Run)).WaitAsync(timeout);
        return list.Zip(endings).ToList();
    }

    public int Total(AnswerKind kind) => Clients.Sum(c => c.Count(kind));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients) await client.DisposeAsync();
    }
}

/// <summary>
/// Measures when every slot answers again after a node died: for each slot, a fresh connection to a survivor every
/// <see cref="AttemptEvery"/> sends one cancel_slot and waits for its answer; the slot's time is that of the first
/// Done or Refused answer (a request sent to the dead node's region before it is downed is lost, and the session
/// answers it "not confirmed" after its command timeout, so one attempt alone would measure that timeout). Every
/// attempt is recorded in the ledger like any operation.
/// </summary>
public static class FailoverProbe
{
    public static readonly TimeSpan AttemptEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <returns>Per slot, the time from <paramref name="since"/> to its first real answer; null if none came within <paramref name="limit"/>.</returns>
    public static async Task<IReadOnlyDictionary<int, TimeSpan?>> MeasureAsync(
        IReadOnlyList<ClusterNode> survivors, OperationLedger ledger, Stopwatch since, TimeSpan limit)
    {
        var results = await Task.WhenAll(SlotIds.All.Select(async slot => (slot, await ProbeSlotAsync(slot, survivors, ledger, since, limit))));
        return results.ToDictionary(r => r.slot, r => r.Item2);
    }

    private static async Task<TimeSpan?> ProbeSlotAsync(int slot, IReadOnlyList<ClusterNode> survivors, OperationLedger ledger, Stopwatch since, TimeSpan limit)
    {
        var answered = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = new List<Task>();
        for (var n = 0; !answered.Task.IsCompleted && since.Elapsed < limit; n++)
        {
            attempts.Add(AttemptAsync(slot, survivors[(slot + n) % survivors.Count], ledger, since, answered));
            await Task.WhenAny(answered.Task, Task.Delay(AttemptEvery));
        }
        // Every attempt ends with an answer of some kind (or its timeout), so the ledger is complete when this returns.
        await Task.WhenAll(attempts);
        return answered.Task.IsCompletedSuccessfully ? answered.Task.Result : null;
    }

    private static async Task AttemptAsync(int slot, ClusterNode node, OperationLedger ledger, Stopwatch since, TaskCompletionSource<TimeSpan> answered)
    {
        SocketClient client;
        try
        {
            (client, _) = await SocketClient.ConnectAndReadInitialAsync(node.Host.WebSocketAddress);
        }
        catch (Exception)
        {
            return; // Nothing sent: nothing to record.
        }
        await using var connection = client;
        ledger.Sending(slot);
        try
        {
            await client.CancelAsync(slot);
            var deadline = DateTime.UtcNow + AttemptTimeout;
            while (true)
            {
                var frame = await client.ReceiveAsync(deadline - DateTime.UtcNow);
                var type = frame.GetProperty("type").GetString();
                if (type is not ("cancellation_response" or "error")) continue;
                var answer = new ServerFrame(
                    type == "error" ? ServerFrameKind.Error : ServerFrameKind.CancellationResponse,
                    frame.TryGetProperty("success", out var s) && s.GetBoolean(), slot,
                    frame.TryGetProperty("message", out var m) ? m.GetString() : null);
                var kind = ClusterLoadClient.Classify(answer);
                if (kind is AnswerKind.Done or AnswerKind.Refused)
                {
                    ledger.Answered(slot, kind == AnswerKind.Done);
                    answered.TrySetResult(since.Elapsed);
                }
                return;
            }
        }
        catch (Exception)
        {
            // No answer: the operation stays "maybe done" in the ledger.
        }
    }
}
