using System.Net.WebSockets;
using System.Text;
using SlotBooking.Tests.EndToEnd;

namespace SlotBooking.Tests.Hostile;

/// <summary>Frames the protocol cannot accept close the socket with the matching status; other clients never notice.</summary>
public sealed class FrameLimitTests : HostTest
{
    protected override string[] HostArgs => ["--SlotBooking:MaxMessageBytes=1024"];

    [Fact]
    public async Task A_frame_over_the_size_limit_closes_with_1009()
    {
        var client = await ConnectAsync();
        var bystander = await ConnectAsync();

        await client.SendTextAsync($$"""{"type":"get_slots","pad":"{{new string('x', 2000)}}"}""");

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.ReceiveCloseAsync());
        await AssertStillServedAsync(bystander);
    }

    [Fact]
    public async Task A_frame_just_under_the_limit_is_answered()
    {
        var client = await ConnectAsync();
        var frame = $$"""{"type":"get_slots","pad":"{{new string('x', 1024 - 40)}}"}""";
        Assert.True(Encoding.UTF8.GetByteCount(frame) <= 1024);

        await client.SendTextAsync(frame);
        Assert.Equal("slots_update", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_binary_frame_closes_with_1003()
    {
        var client = await ConnectAsync();
        await client.Socket.SendAsync("""{"type":"get_slots"}"""u8.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Invalid_utf8_closes_with_1007_and_changes_nothing()
    {
        var client = await ConnectAsync();
        var bystander = await ConnectAsync();
        byte[] frame = [.. "{\"type\":\"book_slot\",\"slot_id\":9,\"x\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        await client.Socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);

        // ASP.NET Core's WebSocket sends 1007 and then aborts the connection itself, so the reset can
        // overtake the close frame; either way the booking inside the frame must not happen.
        try
        {
            Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await client.ReceiveCloseAsync());
        }
        catch (WebSocketException reset)
        {
            Assert.Equal(WebSocketError.ConnectionClosedPrematurely, reset.WebSocketErrorCode);
        }
        await AssertStillServedAsync(bystander);
    }

    [Fact]
    public async Task A_closed_connection_is_no_longer_counted()
    {
        var client = await ConnectAsync();
        await client.SendTextAsync($$"""{"pad":"{{new string('x', 5000)}}"}""");
        await client.ReceiveCloseAsync();
        await Eventually.ActiveConnectionsAsync(Host, 0);
    }

    private static async Task AssertStillServedAsync(TestSupport.SocketClient bystander)
    {
        await bystander.GetSlotsAsync();
        var update = await bystander.ReceiveOfTypeAsync("slots_update");
        Assert.Empty(update.GetProperty("data").GetProperty("booked_slots").EnumerateArray());
    }
}
