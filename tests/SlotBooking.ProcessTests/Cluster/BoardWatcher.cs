using System.Text.Json;
using SlotBooking.ProcessTests.Checks;
using SlotBooking.TestSupport;

namespace SlotBooking.ProcessTests.Cluster;

/// <summary>
/// A connection that keeps the latest <c>slots_update</c> it was sent while it waits for answers, so a test can ask
/// both "what was the answer" and "what does this client now show" without losing a broadcast that came first.
/// </summary>
public sealed class BoardWatcher : IAsyncDisposable
{
    private BoardWatcher(ClusterNode node, SocketClient client, IReadOnlyList<SlotSeen> initial)
    {
        Node = node;
        Client = client;
        Board = initial;
    }

    public ClusterNode Node { get; }
    public SocketClient Client { get; }

    /// <summary>The slots of the latest slots_update received.</summary>
    public IReadOnlyList<SlotSeen> Board { get; private set; }

    public static async Task<BoardWatcher> ConnectAsync(ClusterNode node)
    {
        var (client, initial) = await SocketClient.ConnectAndReadInitialAsync(node.Host.WebSocketAddress);
        Assert.Equal("slots_update", initial.GetProperty("type").GetString());
        return new BoardWatcher(node, client, SlotBoard.Parse(initial.GetProperty("data")));
    }

    /// <summary>The next frame of <paramref name="type"/>, keeping any slots_update read on the way.</summary>
    public async Task<JsonElement> AnswerAsync(string type, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) throw new TimeoutException($"{Node.Name}: no '{type}' within {timeout.TotalSeconds:F0} s");
            var frame = await Client.ReceiveAsync(remaining);
            var frameType = frame.GetProperty("type").GetString();
            if (frameType == "slots_update") Board = SlotBoard.Parse(frame.GetProperty("data"));
            if (frameType == type) return frame;
            if (frameType == "error") throw new InvalidOperationException($"{Node.Name}: an error instead of '{type}': {frame}");
        }
    }

    /// <summary>Reads broadcasts until the board shows what <paramref name="wanted"/> wants; the board shown at the end otherwise.</summary>
    public async Task<bool> WaitForBoardAsync(Func<IReadOnlyList<SlotSeen>, bool> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!wanted(Board))
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) return false;
            try
            {
                await AnswerAsync("slots_update", remaining);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Cancels the slot (anyone may cancel an anonymous booking on the default calendar) unless it is free.</summary>
    public async Task MakeFreeAsync(int slotId)
    {
        await Client.CancelAsync(slotId);
        var answer = await AnswerAsync("cancellation_response", TimeSpan.FromSeconds(20));
        var message = answer.GetProperty("message").GetString();
        Assert.True(answer.GetProperty("success").GetBoolean() || message == $"Slot {slotId} is not booked",
            $"{Node.Name}: could not make slot {slotId} free: {answer}");
    }

    public static string Describe(SlotSeen? slot) => slot is null ? "(missing)" : $"{(slot.IsBooked ? "booked" : "free")} at {slot.BookedAt}";

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
