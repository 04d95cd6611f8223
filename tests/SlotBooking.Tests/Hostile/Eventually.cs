using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Hostile;

/// <summary>Waits, with a deadline, for state that the server updates asynchronously (a session's end is seen after it stops).</summary>
public static class Eventually
{
    public static async Task ActiveConnectionsAsync(RunningHost host, int expected, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var last = -1;
        try
        {
            while (true)
            {
                var stats = await host.Http.GetFromJsonAsync<JsonElement>("/stats", deadline.Token);
                last = stats.GetProperty("websocket").GetProperty("active_connections").GetInt32();
                if (last == expected) return;
                await Task.Delay(25, deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"active_connections stayed {last}, expected {expected}");
        }
    }
}
