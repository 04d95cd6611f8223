using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SlotBooking.Tests.EndToEnd;
using SlotBooking.TestSupport;
using SlotBooking.WireClient.Connections;

namespace SlotBooking.Tests.Hostile;

/// <summary>
/// Random and mutated frames thrown at a live server. For every frame: it gets at least one answer of a known
/// type, or the socket closes with a protocol status (1007 invalid UTF-8, 1009 too big); and the booked state
/// always equals a model built only from the server's successful answers, so no refused frame changed anything.
/// </summary>
public sealed class RandomFramePropertyTests : HostTest
{
    private const int SizeLimit = 2048;

    // A request the generators never produce, whose answer marks the end of the answers to the frame before it.
    private const string Sentinel = """{"type":"cancel_slot","slot_id":-424242}""";

    private static readonly HashSet<string> KnownTypes = ["slots_update", "booking_response", "cancellation_response", "error"];

    protected override string[] HostArgs =>
    [
        $"--SlotBooking:MaxMessageBytes={SizeLimit}",
        "--SlotBooking:MessagesPerSecond=100000",
        "--SlotBooking:MessageBurst=100000",
        "--SlotBooking:HttpRequestsPerSecond=100000",
        "--SlotBooking:HttpRequestBurst=100000",
    ];

    [Fact]
    public void Every_frame_is_answered_or_closes_with_a_protocol_status_and_only_successes_change_state()
    {
        var frames = Arb.From(RandomFrames.Frame(SizeLimit).ListOf().Select(l => l.ToArray()));
        var property = Prop.ForAll(frames, batch => CheckBatchAsync(batch).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    private async Task CheckBatchAsync(byte[][] batch)
    {
        var booked = (await BookedOnServerAsync()).ToHashSet();
        var client = await SocketClient.ConnectAsync(Host.WebSocketAddress);
        try
        {
            await client.ReceiveAsync(); // the initial slots_update
            foreach (var frame in batch)
            {
                await client.Socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
                var closed = await SendSentinelAndCollectAsync(client, frame, booked);
                if (closed is null) continue;

                Assert.Contains(closed.Value, new[] { WebSocketCloseStatus.InvalidPayloadData, WebSocketCloseStatus.MessageTooBig });
                await client.DisposeAsync();
                client = await SocketClient.ConnectAsync(Host.WebSocketAddress);
                await client.ReceiveAsync();
            }
        }
        finally
        {
            await client.DisposeAsync();
        }
        Assert.Equal(booked.Order(), await BookedOnServerAsync());
    }

    /// <summary>Reads the answers to <paramref name="frame"/> up to the sentinel's; applies successes to the model. Returns the close status if the server closed instead.</summary>
    private static async Task<WebSocketCloseStatus?> SendSentinelAndCollectAsync(SocketClient client, byte[] frame, HashSet<int> booked)
    {
        try
        {
            await client.SendTextAsync(Sentinel);
        }
        catch (WebSocketException)
        {
            // Already closed by the server (e.g. 1009 sent while we were still sending).
        }

        var answers = 0;
        while (true)
        {
            JsonElement message;
            try
            {
                message = await client.ReceiveAsync();
            }
            catch (ServerClosedException closed)
            {
                return closed.Status;
            }
            catch (WebSocketException reset) when (reset.WebSocketErrorCode == WebSocketError.ConnectionClosedPrematurely)
            {
                // Invalid UTF-8: ASP.NET Core sends 1007 and aborts; the reset may overtake the close frame.
                return WebSocketCloseStatus.InvalidPayloadData;
            }

            var type = message.GetProperty("type").GetString()!;
            Assert.Contains(type, KnownTypes);
            if (type == "cancellation_response" && message.GetProperty("slot_id").GetInt32() == -424242)
            {
                Assert.True(answers > 0, $"no answer to frame: {Convert.ToBase64String(frame)}");
                return null;
            }
            answers++;
            if (type is "booking_response" or "cancellation_response" && message.GetProperty("success").GetBoolean())
            {
                var id = message.GetProperty("slot_id").GetInt32();
                if (type == "booking_response") Assert.True(booked.Add(id), $"slot {id} booked twice");
                else Assert.True(booked.Remove(id), $"slot {id} cancelled while free");
            }
        }
    }

    private async Task<int[]> BookedOnServerAsync()
    {
        var slots = await Host.Http.GetFromJsonAsync<JsonElement>("/slots");
        return slots.GetProperty("booked_slots").EnumerateArray().Select(e => e.GetInt32()).Order().ToArray();
    }
}
