using System.Net.WebSockets;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Sessions;
using SlotBooking.Actors.Slots;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.WebSockets;

/// <summary><c>WS /slot-booking</c>: one session actor per connection, fed by an inbound frame pump.</summary>
public static class SlotBookingSocket
{
    public const string Path = "/slot-booking";

    /// <summary>After the session has sent its close frame, how long the client gets to answer before the socket is dropped.</summary>
    private static readonly TimeSpan CloseHandshakeGrace = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapSlotBookingSocket(this IEndpointRouteBuilder app)
    {
        app.Map(Path, HandleAsync).WithName("SlotBookingSocket").WithSummary("WebSocket: book_slot, cancel_slot, get_slots");
        return app;
    }

    private static async Task HandleAsync(
        HttpContext context,
        ActorSystem system,
        IRequiredActor<SlotManager> slots,
        IRequiredActor<BroadcasterActor> broadcaster,
        IOptions<SlotBookingOptions> options,
        IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"{Path} is a WebSocket endpoint: connect with a WebSocket client.");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var settings = new SessionSettings(options.Value.MaxQueuedResponses);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var session = system.ActorOf(
            SessionActor.Props(socket, await slots.GetAsync(), await broadcaster.GetAsync(), settings, stopped),
            $"session-{context.TraceIdentifier.Replace(':', '-')}");

        await using var onShutdown = lifetime.ApplicationStopping.Register(
            () => session.Tell(new CloseSession(WebSocketCloseStatus.EndpointUnavailable, "server is shutting down")));

        var pump = InboundFramePump.RunAsync(socket, session, options.Value.MaxMessageBytes);
        await stopped.Task;
        if (await Task.WhenAny(pump, Task.Delay(CloseHandshakeGrace)) != pump) socket.Abort();
        await pump;
    }
}
