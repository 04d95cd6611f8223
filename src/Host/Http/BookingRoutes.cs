using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Actors.Sessions;
using SlotBooking.Host.Auth;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Http;

/// <summary>
/// <c>POST /book-slot</c> and <c>POST /cancel-slot</c> with a bearer token, as the later seed version has them: the same
/// command, rules and answer texts as the WebSocket, on behalf of the token's subject.
/// </summary>
public static class BookingRoutes
{
    public static IServiceCollection AddBookingRoutes(this IServiceCollection services) => services.AddSingleton<SlotCommander>();

    public static IEndpointRouteBuilder MapBookingRoutes(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("").RequireClientRateLimit(HttpRateLimiting.Policy).RequireAuthorization(AuthPolicies.SignedIn);
        routes.MapPost("/book-slot", (HttpContext http, [AsParameters] CommandServices services, CancellationToken ct) =>
                HandleAsync(http, services, SlotCommandKind.Book, ct))
            .WithName("BookSlot").WithSummary("Book a slot as the token's subject");
        routes.MapPost("/cancel-slot", (HttpContext http, [AsParameters] CommandServices services, CancellationToken ct) =>
                HandleAsync(http, services, SlotCommandKind.Cancel, ct))
            .WithName("CancelSlot").WithSummary("Cancel a booking: your own, or any as an admin");
        return app;
    }

    private static async Task<Results<JsonHttpResult<SlotCommandResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext http, CommandServices services, SlotCommandKind kind, CancellationToken ct)
    {
        if (services.Claims.From(http.User) is not { } requester)
            return Problem(StatusCodes.Status401Unauthorized, "Not signed in", "The token names no subject (sub or email).");
        var (body, bodyProblem) = await ReadBodyAsync(http.Request, ct);
        if (bodyProblem is not null) return Problem(StatusCodes.Status400BadRequest, "Invalid request", bodyProblem);
        if (body!.SlotId is not { } slotId) return Problem(StatusCodes.Status400BadRequest, "Invalid request", "Missing slot_id");

        DateOnly? date = null;
        if (body.Date is { } dateText)
        {
            if (!IsoDates.TryParse(dateText, out var parsed))
                return Problem(StatusCodes.Status400BadRequest, "Invalid request", $"Field 'date' must be a date as \"YYYY-MM-DD\", got \"{Shorten(dateText)}\"");
            date = parsed;
        }
        // A command: the booking window judges its date where it is routed, before any day is started.
        ClientRequest where = kind == SlotCommandKind.Book
            ? new BookSlotRequest(slotId) { Calendar = body.Calendar, Date = date }
            : new CancelSlotRequest(slotId) { Calendar = body.Calendar, Date = date };
        var target = RequestTarget.Of(where, services.Calendars.Find, ReadableDates.Default, Instant.FromDateTimeOffset(services.Clock.GetUtcNow()));
        if (target is RequestTarget.Refused refused)
            return Problem(refused.UnknownCalendar ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, "Invalid request", refused.Message);

        ISlotCommand command = kind == SlotCommandKind.Book
            ? new BookSlot(slotId) { By = requester }
            : new CancelSlot(slotId) { By = requester };
        var reply = await services.Commander.SendAsync(command, RequestTarget.BoardOf(target as RequestTarget.Day), ct);
        var result = reply.Result;
        return result.Outcome switch
        {
            SlotOutcome.Done => TypedResults.Json(new SlotCommandResponse(true, result.Message, slotId, body.Calendar, date), ProtocolJsonContext.Default.SlotCommandResponse),
            SlotOutcome.StorageFailed => Problem(StatusCodes.Status503ServiceUnavailable, "Storage unavailable", result.Message),
            SlotOutcome.Unreachable => Unreachable(http, result.Message),
            // The later seed version answers every refusal with 400 and the reason.
            _ => Problem(StatusCodes.Status400BadRequest, "Refused", result.Message),
        };
    }

    private static async Task<(SlotCommandBody? Body, string? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        // StrictJson's problems name the field and quote no value and no exception, so they are answered as they are.
        var read = await StrictJson.ReadAsync(request.Body, ProtocolJsonContext.Default.SlotCommandBody, ct);
        return read.Value is { } body ? (body, null) : (null, $"The body is not valid for this route: {read.Problem}");
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    /// <summary>Never delivered (its node unreachable, its shard moving): 503 with a Retry-After, so a client does not retry at once.</summary>
    private static ProblemHttpResult Unreachable(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = "1";
        return Problem(StatusCodes.Status503ServiceUnavailable, "Slot unreachable", detail);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    private readonly record struct CommandServices(SlotCommander Commander, RequesterClaims Claims, CalendarRegistry Calendars, TimeProvider Clock);
}
