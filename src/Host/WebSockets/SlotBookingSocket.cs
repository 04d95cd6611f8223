using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using NodaTime;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Owners;
using SlotBooking.Actors.Sessions;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Http;
using SlotBooking.Protocol;

namespace SlotBooking.Host.WebSockets;

/// <summary><c>WS /slot-booking</c>: one session actor per connection, fed by an inbound frame pump.</summary>
public static class SlotBookingSocket
{
    public const string Path = "/slot-booking";

    /// <summary>After the session has sent its close frame, how long the client gets to answer before the socket is dropped.</summary>
    private static readonly TimeSpan CloseHandshakeGrace = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddSlotBookingSockets(this IServiceCollection services)
    {
        services.AddSingleton<ConnectionGate>().AddSingleton<FrameRateLimit>().AddSingleton(SessionSettingsOf);
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
        var clock = services.GetRequiredService<TimeProvider>();
        return new SessionSettings(options.MaxQueuedResponses, options.StallTimeout, options.CommandTimeout, options.DrainTimeout, clock, options.MaxWatchedBoards)
        {
            ReadableDates = options.ReadableDates(),
        };
    }

    /// <summary>The WebSocket middleware, with the keep-alive configured in <see cref="AddSlotBookingSockets"/>.</summary>
    public static IApplicationBuilder UseSlotBookingSockets(this IApplicationBuilder app) => app.UseWebSockets();

    public static IEndpointRouteBuilder MapSlotBookingSocket(this IEndpointRouteBuilder app)
    {
        app.Map(Path, HandleAsync).WithName("SlotBookingSocket").WithSummary("WebSocket: book_slot, cancel_slot, get_slots")
            .RequireClientRateLimit(HttpRateLimiting.UpgradePolicy);
        return app;
    }

    private static async Task HandleAsync(HttpContext context, [AsParameters] SocketDependencies dependencies)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "Not a WebSocket request", $"{Path} is a WebSocket endpoint: connect with a WebSocket client.");
            return;
        }
        // A browser page of another site must not use a visitor's connection (cross-site WebSocket hijacking).
        if (!UpgradeOrigin.IsAllowed(context.Request, dependencies.Options.Value))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "Origin not allowed",
                "This origin may not connect: it is not one of SlotBooking:CorsOrigins.");
            return;
        }
        var (initialDay, problem) = InitialBoard(context.Request.Query, dependencies.Calendars, dependencies.Settings);
        if (problem is not null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "Invalid request", problem);
            return;
        }
        // A token at the upgrade (Authorization header, or ?access_token= for browsers) must be valid; none is anonymous.
        var authentication = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (authentication.Failure is not null || (authentication.Succeeded && SignedIn(authentication, dependencies.Claims) is null))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Invalid token",
                "The token is not valid (bad signature, expired, wrong issuer or audience, or unsigned); connect without one, or with a valid one.");
            return;
        }
        var signedIn = authentication.Succeeded ? SignedIn(authentication, dependencies.Claims) : null;
        if (dependencies.Lifetime.ApplicationStopping.IsCancellationRequested || !dependencies.Gate.TryEnter())
        {
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "Not accepting connections",
                "The server is not accepting more connections right now; try again later.");
            return;
        }

        try
        {
            await RunSessionAsync(context, dependencies, initialDay, signedIn);
        }
        finally
        {
            dependencies.Gate.Exit();
        }
    }

    /// <summary>An upgrade refused before it happens is answered as the HTTP routes answer: a problem document.</summary>
    private static Task RefuseAsync(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);

    /// <summary>
    /// <c>?calendar=lab&amp;date=2026-11-26</c> makes a connection watch that day instead of the default board. Null day:
    /// the default board; a problem: the query names no board that exists, or a date outside the readable dates
    /// (<see cref="SessionSettings.ReadableDates"/>), refused before the upgrade.
    /// </summary>
    private static (RequestTarget.Day? Day, string? Problem) InitialBoard(IQueryCollection query, CalendarRegistry calendars, SessionSettings settings)
    {
        string? calendar = query["calendar"];
        string? dateText = query["date"];
        if (calendar is null && dateText is null) return (null, null);
        DateOnly? date = null;
        if (dateText is not null)
        {
            if (!IsoDates.TryParse(dateText, out var parsed))
                return (null, $"Query parameter 'date' must be a date as YYYY-MM-DD, got '{dateText}'");
            date = parsed;
        }
        var now = Instant.FromDateTimeOffset(settings.Clock.GetUtcNow());
        return RequestTarget.Of(new GetSlotsRequest { Calendar = calendar, Date = date }, calendars.Find, settings.ReadableDates, now) switch
        {
            RequestTarget.Day day => (day, null),
            RequestTarget.Refused refused => (null, refused.Message),
            _ => (null, null),
        };
    }

    /// <summary>The validated token's identity and until when it is accepted (its expiry plus the clock skew); null when it names no subject.</summary>
    private static TokenCheck? SignedIn(AuthenticateResult authentication, RequesterClaims claims)
    {
        if (claims.From(authentication.Principal) is not { } requester) return null;
        var expires = long.TryParse(authentication.Principal!.FindFirst("exp")?.Value, CultureInfo.InvariantCulture, out var exp)
            ? TokenLifetime.AcceptedUntil(DateTimeOffset.FromUnixTimeSeconds(exp))
            : DateTimeOffset.MaxValue;
        return new TokenCheck(requester, expires);
    }

    private static async Task RunSessionAsync(HttpContext context, SocketDependencies dependencies, RequestTarget.Day? initialDay, TokenCheck? signedIn)
    {
        var peers = new SessionPeers(await dependencies.Boards.GetAsync(), await dependencies.Broadcaster.GetAsync(), dependencies.Calendars.Find)
        {
            Tokens = dependencies.Tokens,
            Owners = await dependencies.Owners.GetAsync(),
        };
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connectionId = context.TraceIdentifier.Replace(':', '-');
        var session = dependencies.System.ActorOf(
            SessionActor.Props(new WebSocketSessionSink(socket), peers, dependencies.Settings, stopped, initialDay, signedIn), $"session-{connectionId}");

        await using var onShutdown = dependencies.Lifetime.ApplicationStopping.Register(() => session.Tell(DrainSession.Instance));

        var pump = new InboundFramePump(socket, session, dependencies.Options.Value.MaxMessageBytes, dependencies.FrameLimit).RunAsync();
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

/// <summary>What the socket endpoint takes from the container, bound with <c>[AsParameters]</c>.</summary>
internal readonly record struct SocketDependencies(
    ActorSystem System,
    BoardDirectory Boards,
    IRequiredActor<BroadcasterActor> Broadcaster,
    IRequiredActor<OwnerIndex> Owners,
    CalendarRegistry Calendars,
    ITokenValidator Tokens,
    RequesterClaims Claims,
    IOptions<SlotBookingOptions> Options,
    SessionSettings Settings,
    ConnectionGate Gate,
    FrameRateLimit FrameLimit,
    IHostApplicationLifetime Lifetime);
