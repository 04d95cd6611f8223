using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Configuration;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Http;

/// <summary>
/// Admins create, change and retire dated calendars at run time, through any node. Each route is one ask of the
/// <see cref="CalendarCatalog"/> through its cluster singleton proxy; the catalog checks the change, stores it and
/// swaps it into its own node's registry before answering, and every other node's registry follows it through
/// pub-sub (see <see cref="CatalogFollower"/>).
/// Anonymous callers get 401, signed-in callers who are not admins 403.
/// </summary>
public static class CalendarAdminRoutes
{
    /// <summary>
    /// A change that removes hours first reads every day that can hold a booking (up to the largest horizon the
    /// calendar ever had, twice; see <see cref="CalendarCatalog"/>), so it may take longer than one ask of one actor.
    /// </summary>
    public static readonly TimeSpan ChangeOfHoursTimeout = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapCalendarAdminRoutes(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("/calendars").RequireClientRateLimit(HttpRateLimiting.Policy).RequireAuthorization(AuthPolicies.Admin);
        routes.MapPost("", Create).WithName("CreateCalendar").WithSummary("Creates a dated calendar (admins)")
            .Accepts<CreateCalendarRequest>("application/json");
        routes.MapPut("/{id}", Update).WithName("UpdateCalendar")
            .WithSummary("Changes a calendar's name, hours, horizon, notice or access (admins); hours with bookings still to come stay")
            .Accepts<UpdateCalendarRequest>("application/json");
        routes.MapDelete("/{id}", Retire).WithName("RetireCalendar")
            .WithSummary("Retires a calendar (admins): no new bookings; its days can still be read and cancelled");
        return app;
    }

    private static async Task<Results<JsonHttpResult<CalendarInfo>, ProblemHttpResult>> Create(
        HttpContext context, IRequiredActor<CalendarCatalog> catalog, IOptions<SlotBookingOptions> options, CancellationToken ct)
    {
        var (request, unreadable) = await ReadAsync(context.Request, ProtocolJsonContext.Default.CreateCalendarRequest, ct);
        if (request is null) return unreadable!;
        var spec = new CalendarSpec(request.Id, request.Name, request.TimeZone, request.FirstHour, request.LastHour,
            request.HorizonDays, request.MinNoticeMinutes, request.Access);
        var reply = await AskAsync(catalog, new CreateCalendar(spec), options.Value.AskTimeout, ct);
        if (reply is not CalendarChanged { Calendar: var calendar }) return Refused(reply);
        context.Response.Headers.Location = $"/calendars/{calendar.Id}";
        return TypedResults.Json(CalendarRoutes.Describe(calendar), ProtocolJsonContext.Default.CalendarInfo, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<CalendarInfo>, ProblemHttpResult>> Update(
        string id, HttpRequest http, IRequiredActor<CalendarCatalog> catalog, CancellationToken ct)
    {
        var (request, unreadable) = await ReadAsync(http, ProtocolJsonContext.Default.UpdateCalendarRequest, ct);
        if (request is null) return unreadable!;
        var changes = new CalendarSpec(null, request.Name, request.TimeZone, request.FirstHour, request.LastHour,
            request.HorizonDays, request.MinNoticeMinutes, request.Access);
        var reply = await AskAsync(catalog, new UpdateCalendar(id, changes), ChangeOfHoursTimeout, ct);
        if (reply is not CalendarChanged { Calendar: var calendar }) return Refused(reply);
        return TypedResults.Json(CalendarRoutes.Describe(calendar), ProtocolJsonContext.Default.CalendarInfo);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Retire(
        string id, IRequiredActor<CalendarCatalog> catalog, IOptions<SlotBookingOptions> options, CancellationToken ct)
    {
        var reply = await AskAsync(catalog, new RetireCalendar(id), options.Value.AskTimeout, ct);
        if (reply is not CalendarChanged) return Refused(reply);
        return TypedResults.NoContent();
    }

    private static async Task<object> AskAsync(IRequiredActor<CalendarCatalog> catalog, object change, TimeSpan timeout, CancellationToken ct)
    {
        var actor = await catalog.GetAsync(ct);
        return await actor.Ask<object>(change, timeout, ct);
    }

    /// <summary>The body as <typeparamref name="T"/>, or a 400 naming the field that could not be read (or <c>body</c>).</summary>
    private static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        var read = await StrictJson.ReadAsync(request.Body, type, ct);
        if (read.Value is { } value) return (value, null);
        // A field of the wrong type, an unknown one or one given twice is listed under its wire name; anything else under 'body'.
        var errors = new Dictionary<string, string[]> { [read.Field ?? "body"] = [read.Problem!] };
        return (null, TypedResults.Problem(read.Problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid calendar",
            extensions: new Dictionary<string, object?> { ["errors"] = errors }));
    }

    /// <summary>
    /// A refusal of the catalog as a problem document; invalid fields are listed under <c>errors</c> by their wire
    /// names, as ASP.NET Core's validation problems do. Anything else the catalog answered is a bug, so it throws.
    /// </summary>
    private static ProblemHttpResult Refused(object reply)
    {
        var refusal = reply is CalendarChangeRefused refused
            ? refused.Refusal
            : throw new InvalidOperationException($"Unexpected answer from the calendar catalog: {reply}");
        return refusal.Kind switch
        {
            CatalogRefusalKind.Invalid => Invalid(
                refusal.Errors.GroupBy(e => FieldName(e.Key)).ToDictionary(g => g.Key, g => g.Select(e => e.Problem).ToArray())),
            CatalogRefusalKind.Exists => Conflict(refusal, "Calendar exists"),
            CatalogRefusalKind.Retired => Conflict(refusal, "Calendar retired"),
            CatalogRefusalKind.HoursBooked => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status409Conflict,
                title: "Hours have bookings", extensions: new Dictionary<string, object?>
                {
                    ["bookings"] = refusal.Bookings.Select(b => new BookedHourInfo(b.Date.ToDateOnly(), b.Hour)).ToArray(),
                }),
            CatalogRefusalKind.NotFound => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown calendar"),
            CatalogRefusalKind.DefaultCalendar => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status400BadRequest, title: "Default calendar"),
            CatalogRefusalKind.Unavailable => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not changed"),
            _ => throw new ArgumentOutOfRangeException(nameof(reply), refusal.Kind, "Unknown refusal"),
        };
    }

    private static ProblemHttpResult Conflict(CatalogRefusal refusal, string title) =>
        TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status409Conflict, title: title);

    private static ProblemHttpResult Invalid(string field, string problem) => Invalid(new() { [field] = [problem] });

    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(
            string.Join("; ", errors.SelectMany(e => e.Value.Select(problem => $"Field '{e.Key}': {problem}"))),
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid calendar",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>The wire's name of a field the validator names as configuration does: <c>FirstHour</c> is <c>first_hour</c>.</summary>
    private static string FieldName(string key) => JsonNamingPolicy.SnakeCaseLower.ConvertName(key[(key.LastIndexOf(':') + 1)..]);
}
