using System.Net.WebSockets;
using System.Text;

// The transport limit for bench/run.sh: the service's WebSocket route on bare Kestrel, answering every
// book_slot/cancel_slot at once with success. No actors, no storage, no broadcasts: what the same load
// client reaches against it is the most the WebSocket round trip allows on this machine.
var app = WebApplication.CreateSlimBuilder(args).Build();
app.UseWebSockets();
app.MapGet("/health", () => "Healthy");
app.Map("/slot-booking", async context =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    // The load client reads the slot range from the first slots_update.
    await SendAsync(socket, """{"type":"slots_update","data":{"slots":[{"id":3,"is_booked":false},{"id":14,"is_booked":false}]}}""");
    var buffer = new byte[4096];
    while (true)
    {
        var received = await socket.ReceiveAsync(buffer.AsMemory(), context.RequestAborted);
        if (received.MessageType == WebSocketMessageType.Close) break;
        await SendAsync(socket, Answer(buffer.AsSpan(0, received.Count)));
    }
    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
});
app.Run();

static string Answer(ReadOnlySpan<byte> request)
{
    var text = Encoding.UTF8.GetString(request);
    var type = text.Contains("\"book_slot\"", StringComparison.Ordinal) ? "booking_response" : "cancellation_response";
    var idStart = text.IndexOf("\"slot_id\":", StringComparison.Ordinal) + "\"slot_id\":".Length;
    var idEnd = text.IndexOfAny([',', '}'], idStart);
    return $$"""{"type":"{{type}}","slot_id":{{text[idStart..idEnd].Trim()}},"success":true,"message":"ok"}""";
}

static ValueTask SendAsync(WebSocket socket, string json) =>
    socket.SendAsync(Encoding.UTF8.GetBytes(json).AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
