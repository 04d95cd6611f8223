using System.Text.Json;

namespace SlotBooking.BrowserTests.Infrastructure;

/// <summary>
/// Stands between a page and the server's socket (Playwright's WebSocket routing) and passes every frame,
/// except that it can swallow the next <c>slots_update</c> the server sends. The page's view is then stale
/// for certain, which is how a test makes a click race another client deterministically.
/// </summary>
public sealed class UpdateGate
{
    private readonly object _lock = new();
    private TaskCompletionSource? _swallowNext;

    private UpdateGate() { }

    /// <summary>Routes the page's <c>/slot-booking</c> sockets through a new gate; call before the page opens.</summary>
    public static async Task<UpdateGate> InstallAsync(IPage page)
    {
        var gate = new UpdateGate();
        await page.RouteWebSocketAsync("**/slot-booking", gate.Relay);
        return gate;
    }

    /// <summary>Swallows the next <c>slots_update</c> from the server; the task completes once one has been swallowed.</summary>
    public Task SwallowNextUpdate()
    {
        lock (_lock)
        {
            _swallowNext = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _swallowNext.Task;
        }
    }

    private void Relay(IWebSocketRoute page)
    {
        var server = page.ConnectToServer();
        page.OnMessage(frame => Forward(frame, server));
        server.OnMessage(frame =>
        {
            if (frame.Text is null || !TrySwallow(frame.Text)) Forward(frame, page);
        });
    }

    private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
    {
        if (frame.Text is { } text) to.Send(text);
        else if (frame.Binary is { } bytes) to.Send(bytes);
    }

    private bool TrySwallow(string text)
    {
        lock (_lock)
        {
            if (_swallowNext is null || TypeOf(text) != "slots_update") return false;
            _swallowNext.SetResult();
            _swallowNext = null;
            return true;
        }
    }

    private static string? TypeOf(string text)
    {
        using var message = JsonDocument.Parse(text);
        return message.RootElement.GetProperty("type").GetString();
    }
}
