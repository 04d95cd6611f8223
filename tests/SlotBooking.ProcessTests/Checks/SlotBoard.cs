using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.TestSupport;

namespace SlotBooking.ProcessTests.Checks;

/// <summary>One slot as a client sees it.</summary>
public sealed record SlotSeen(int Id, bool IsBooked, string BookedAt);

/// <summary>The state of every slot as the running service reports it, over HTTP or to a new WebSocket client.</summary>
public static class SlotBoard
{
    public static async Task<IReadOnlyList<SlotSeen>> ReadOverHttpAsync(HttpClient http) =>
        Parse(await http.GetFromJsonAsync<JsonElement>("/slots"));

    /// <summary>The <c>slots_update</c> a newly connected client receives first.</summary>
    public static async Task<IReadOnlyList<SlotSeen>> ReadAsNewClientAsync(Uri webSocketAddress)
    {
        var (client, initial) = await SocketClient.ConnectAndReadInitialAsync(webSocketAddress);
        await using var _ = client;
        Assert.Equal("slots_update", initial.GetProperty("type").GetString());
        return Parse(initial.GetProperty("data"));
    }

    /// <summary>The slots of a <c>slots_update</c> frame's <c>data</c>, or of <c>GET /slots</c>.</summary>
    public static List<SlotSeen> Parse(JsonElement data) =>
        data.GetProperty("slots").EnumerateArray()
            .Select(s => new SlotSeen(s.GetProperty("id").GetInt32(), s.GetProperty("is_booked").GetBoolean(), s.GetProperty("booked_at").GetRawText()))
            .ToList();
}
