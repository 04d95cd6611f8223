using System.Net.WebSockets;
using System.Text.Json;
using SlotBooking.TestSupport;
using SlotBooking.WireClient.Connections;

namespace SlotBooking.ProcessTests.Load;

/// <summary>
/// One WebSocket client in a loop: book or cancel a random slot, wait for its answer (skipping broadcasts), record
/// it in the ledger, repeat, until the connection ends. One operation at a time, so an unanswered one is exact.
/// </summary>
public sealed class LoadClient : IAsyncDisposable
{
    private static readonly TimeSpan CloseReplyTimeout = TimeSpan.FromSeconds(5);

    private readonly SocketClient _socket;
    private readonly OperationLedger _ledger;
    private readonly Random _random;

    private LoadClient(SocketClient socket, OperationLedger ledger, int seed)
    {
        _socket = socket;
        _ledger = ledger;
        _random = new Random(seed);
        Run = Task.Run(LoopAsync);
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
    public async Task AnswerServerCloseAsync()
    {
        if (_socket.Socket.State != WebSocketState.CloseReceived) return;
        using var timeout = new CancellationTokenSource(CloseReplyTimeout);
        try
        {
            await _socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The server gave up waiting first; nothing is left to do.
        }
    }

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private async Task<ClientEnding> LoopAsync()
    {
        try
        {
            while (true)
            {
                var slotId = SlotIds.PickAt(_random);
                var book = _random.Next(2) == 0;
                _ledger.Sending(slotId);
                await (book ? _socket.BookAsync(slotId) : _socket.CancelAsync(slotId));
                var answer = await ReceiveAnswerAsync();
                _ledger.Answered(slotId, SuccessOf(answer, book ? "booking_response" : "cancellation_response", slotId));
            }
        }
        catch (ServerClosedException closed)
        {
            return new ClientEnding(EndingKind.ServerClosed, closed.Status, closed.Description ?? "", DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            return new ClientEnding(EndingKind.ConnectionLost, null, ex.Message, DateTime.UtcNow);
        }
        catch (OperationCanceledException)
        {
            return new ClientEnding(EndingKind.NoAnswer, null, $"no answer within {SocketClient.DefaultTimeout.TotalSeconds:F0}s", DateTime.UtcNow);
        }
        catch (WrongAnswerException ex)
        {
            return new ClientEnding(EndingKind.WrongAnswer, null, ex.Message, DateTime.UtcNow);
        }
    }

    /// <summary>The next frame that is not a broadcast: broadcasts interleave with answers.</summary>
    private async Task<JsonElement> ReceiveAnswerAsync()
    {
        while (true)
        {
            var frame = await _socket.ReceiveAsync();
            if (frame.GetProperty("type").GetString() != "slots_update") return frame;
        }
    }

    private static bool SuccessOf(JsonElement answer, string expectedType, int slotId)
    {
        if (answer.GetProperty("type").GetString() != expectedType
            || !answer.TryGetProperty("slot_id", out var id) || id.GetInt32() != slotId
            || !answer.TryGetProperty("success", out var success))
        {
            throw new WrongAnswerException($"expected {expectedType} for slot {slotId}, got {answer}");
        }
        return success.GetBoolean();
    }

    private sealed class WrongAnswerException(string message) : Exception(message);
}
