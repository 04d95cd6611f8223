using System.Net.WebSockets;
using SlotBooking.TestSupport;
using SlotBooking.WireClient.Frames;
using SlotBooking.WireClient.Load;
using SlotBooking.WireClient.Requests;

namespace SlotBooking.ProcessTests.Load;

/// <summary>
/// One WebSocket client running the wire client's load loop until the connection ends, recording every operation in
/// the ledger: sent before it goes out, answered when its answer comes. One operation at a time, so an unanswered
/// one is exact. An answer that does not fit the request ends the client.
/// </summary>
public sealed class LoadClient : ILoadLoopObserver, IAsyncDisposable
{
    private static readonly RequestFrames Frames = new(SlotIds.Range);

    private readonly SocketClient _socket;
    private readonly OperationLedger _ledger;

    private LoadClient(SocketClient socket, OperationLedger ledger, int seed)
    {
        _socket = socket;
        _ledger = ledger;
        var loop = new LoadLoop(socket.Wire, Frames, new Random(seed), SocketClient.DefaultTimeout, this);
        Run = Task.Run(() => loop.RunAsync(CancellationToken.None));
    }

    /// <summary>Completes with the reason the loop stopped; it never faults.</summary>
    public Task<ClientEnding> Run { get; }

    /// <summary>Connects, reads the initial <c>slots_update</c>, and starts the loop.</summary>
    public static async Task<LoadClient> StartAsync(Uri address, OperationLedger ledger, int seed)
    {
        var (socket, initial) = await SocketClient.ConnectAndReadInitialAsync(address);
        if (initial.GetProperty("type").GetString() != "slots_update")
            throw new InvalidOperationException($"The first frame was not slots_update: {initial}");
        return new LoadClient(socket, ledger, seed);
    }

    /// <summary>Completes the close handshake the server started, so it need not wait for us to go away.</summary>
    public Task AnswerServerCloseAsync() =>
        _socket.Wire.State == WebSocketState.CloseReceived ? _socket.Wire.CloseOutputAsync() : Task.CompletedTask;

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    bool ILoadLoopObserver.WantsAnother() => true;

    void ILoadLoopObserver.Sending(SlotRequest request) => _ledger.Sending(request.SlotId);

    bool ILoadLoopObserver.Answered(SlotRequest request, ServerFrame answer, long sentAt, long receivedAt)
    {
        if (!request.IsAnsweredBy(answer)) return false;
        _ledger.Answered(request.SlotId, answer.Success);
        return true;
    }

    void ILoadLoopObserver.SlotsUpdateReceived(long receivedAt)
    {
        // Broadcasts interleave with answers; the ledger counts answers only.
    }
}
