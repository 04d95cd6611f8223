using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Board;
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

    public static IServiceCollection AddSlotBookingSockets(this IServiceCollection services)
    {
        services.AddSingleton<ConnectionGate>().AddSingleton<FrameRateLimiter>().AddSingleton(SessionSettingsOf);
        // Pings keep idle connections alive through proxies and reveal dead peers, whose sessions then end.
        services.AddOptions<WebSocketOptions>().Configure<IOptions<SlotBookingOptions>>((webSockets, slotBooking) =>
        {
            webSockets.KeepAliveInterval = slotBooking.Value.KeepAliveInterval;
            webSockets.KeepAliveTimeout = slotBooking.Value.KeepAliveTimeout;
        });
        return services;
    }

    /// <summary>One settings record shared by every session.</summary>
    private static SessionSettings SessionSettingsOf(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SlotBookingOptions>>().Value;
        return new SessionSettings(options.MaxQueuedResponses, options.StallTimeout, options.CommandTimeout, options.DrainTimeout);
    }

    /// <summary>The WebSocket middleware, with the keep-alive configured in <see cref="AddSlotBookingSockets"/>.</summary>
    public static IApplicationBuilder UseSlotBookingSockets(this IApplicationBuilder app) => app.UseWebSockets();

    public static IEndpointRouteBuilder MapSlotBookingSocket(this IEndpointRouteBuilder app)
    {
        app.Map(Path, HandleAsync).WithName("SlotBookingSocket").WithSummary("WebSocket: book_slot, cancel_slot, get_slots");
        return app;
    }

    private static async Task HandleAsync(HttpContext context, [AsParameters] SocketDependencies dependencies)
    {
        var (system, slots, board, broadcaster, options, settings, gate, rateLimiter, lifetime) = dependencies;
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"{Path} is a WebSocket endpoint: connect with a WebSocket client.");
            return;
        }
        if (lifetime.ApplicationStopping.IsCancellationRequested || !gate.TryEnter())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("The server is not accepting more connections right now; try again later.");
            return;
        }

        try
        {
            var actors = new SessionPeers(await slots.GetAsync(), await board.GetAsync(), await broadcaster.GetAsync());
            await RunSessionAsync(context, system, actors, options.Value, settings, rateLimiter, lifetime);
        }
        finally
        {
            gate.Exit();
        }
    }

    private static async Task RunSessionAsync(
        HttpContext context, ActorSystem system, SessionPeers actors,
        SlotBookingOptions options, SessionSettings settings, FrameRateLimiter rateLimiter, IHostApplicationLifetime lifetime)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connectionId = context.TraceIdentifier.Replace(':', '-');
        var session = system.ActorOf(SessionActor.Props(socket, actors.Slots, actors.Board, actors.Broadcaster, settings, stopped), $"session-{connectionId}");

        await using var onShutdown = lifetime.ApplicationStopping.Register(() => session.Tell(DrainSession.Instance));

        var pump = new InboundFramePump(socket, session, connectionId, options.MaxMessageBytes, rateLimiter).RunAsync();
        await stopped.Task;
        // A client that does not answer the session's close frame in time is dropped. WaitAsync's timer goes away
        // as soon as the pump ends (the usual case), where a Task.Delay would linger for every closed connection.
        try
        {
            await pump.WaitAsync(CloseHandshakeGrace);
        }
        catch (TimeoutException)
        {
            socket.Abort();
            await pump;
        }
    }
}

/// <summary>The actors a session talks to.</summary>
internal sealed record SessionPeers(IActorRef Slots, IActorRef Board, IActorRef Broadcaster);

/// <summary>What the socket endpoint takes from the container, bound with <c>[AsParameters]</c>.</summary>
internal readonly record struct SocketDependencies(
    ActorSystem System,
    IRequiredActor<SlotManager> Slots,
    IRequiredActor<BoardActor> Board,
    IRequiredActor<BroadcasterActor> Broadcaster,
    IOptions<SlotBookingOptions> Options,
    SessionSettings Settings,
    ConnectionGate Gate,
    FrameRateLimiter RateLimiter,
    IHostApplicationLifetime Lifetime);
