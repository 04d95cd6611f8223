using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Configuration;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Http;

/// <summary>
/// The calendars the service books (read from the registry, so no actor is asked), and a calendar's slots by date
/// (one ask of its board: the day's, or the default calendar's undated one), and for admins who booked them. A retired calendar
/// is listed and read as any other.
/// Changes are <see cref="CalendarAdminRoutes"/>'.
/// </summary>
public static class CalendarRoutes
{
    /// <summary>At most this many days in one availability read.</summary>
    public const int MaxAvailabilityDays = 31;

    public static IServiceCollection AddCalendarReads(this IServiceCollection services) =>
        services.AddSingleton(provider => provider.GetSlotBookingOptions().ReadableDates());

    public static IEndpointRouteBuilder MapCalendarRoutes(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("/calendars").RequireClientRateLimit(HttpRateLimiting.Policy);
        routes.MapGet("", GetCalendars).WithName("Calendars").WithSummary("Every calendar, the default one first");
        routes.MapGet("/{id}/slots", GetSlots).WithName("CalendarSlots").WithSummary("A calendar's slots on a date (default: today in its zone)");
        routes.MapGet("/{id}/availability", GetAvailability).WithName("CalendarAvailability")
            .WithSummary($"A dated calendar's free and booked slots for up to {MaxAvailabilityDays} days");
        routes.MapGet("/{id}/bookings", GetBookings).RequireAuthorization(AuthPolicies.Admin).WithName("CalendarBookings")
            .WithSummary("Admins: a calendar's bookings on a date (default: today in its zone), with their owners");
        return app;
    }

    private static async Task<Results<JsonHttpResult<CalendarSlotsResponse>, ProblemHttpResult>> GetSlots(
        string id, string? date, [AsParameters] BoardReads reads, CancellationToken ct)
    {
        var (board, problem) = await ReadBoardAsync(id, date, reads, ct);
        if (problem is not null) return problem;
        var (calendar, day, view) = board!.Value;
        var data = day is { } d ? SlotsDataFactory.FromDay(calendar, d, view.Slots) : SlotsDataFactory.From(view.Slots);
        return TypedResults.Json(new CalendarSlotsResponse(data.Slots, data.AvailableSlots, data.BookedSlots, calendar.Id, day?.ToDateOnly()),
            ProtocolJsonContext.Default.CalendarSlotsResponse);
    }

    /// <summary>For admins: who booked each slot of the board (broadcasts never carry owners).</summary>
    private static async Task<Results<JsonHttpResult<CalendarBookingsResponse>, ProblemHttpResult>> GetBookings(
        string id, string? date, [AsParameters] BoardReads reads, CancellationToken ct)
    {
        var (board, problem) = await ReadBoardAsync(id, date, reads, ct);
        if (problem is not null) return problem;
        var (calendar, day, view) = board!.Value;
        var bookings = view.Slots
            .Where(s => s.IsBooked)
            .Select(s => new CalendarBooking(
                s.SlotId,
                day is { } d ? SlotTimes.Of(calendar, d, s.SlotId)?.StartsAt.ToDateTimeOffset() : null,
                s.BookedAt!.Value,
                s.BookedBy))
            .ToArray();
        return TypedResults.Json(new CalendarBookingsResponse(calendar.Id, day?.ToDateOnly(), bookings), ProtocolJsonContext.Default.CalendarBookingsResponse);
    }

    /// <summary>
    /// The view of one board: the default calendar's (which takes no date), or a dated calendar's day (default: today in
    /// its zone); or the problem with the request: an unknown calendar, a bad date or one outside the readable dates
    /// (<see cref="ReadableDates"/>), slots still being recovered.
    /// </summary>
    private static async Task<((CalendarDefinition Calendar, LocalDate? Day, BoardView View)? Board, ProblemHttpResult? Problem)> ReadBoardAsync(
        string id, string? date, BoardReads reads, CancellationToken ct)
    {
        if (reads.Registry.Find(id) is not { } calendar) return (null, UnknownCalendar(id));
        LocalDate? day = null;
        var now = Instant.FromDateTimeOffset(reads.Clock.GetUtcNow());
        if (!calendar.Dated)
        {
            if (date is not null) return (null, BadParameter("date", "the default calendar is undated: leave out 'date'"));
        }
        else if (date is null) day = calendar.Today(now);
        else if (ParseDate(date) is not { } parsed) return (null, BadParameter("date", $"'{date}' is not a date as YYYY-MM-DD"));
        else if (reads.Dates.Check(calendar, parsed, now) is { } outOfRange) return (null, BadParameter("date", outOfRange));
        else day = parsed;

        var view = await reads.Board.ReadAsync(new BoardKey(calendar.Id, day), ct);
        return view.IsReady ? ((calendar, day, view), null) : (null, HttpProblems.NotReady());
    }

    private static async Task<Results<JsonHttpResult<AvailabilityResponse>, ProblemHttpResult>> GetAvailability(
        string id, string? from, int? days, CalendarRegistry registry, BoardReader reader, ReadableDates readable, TimeProvider clock, CancellationToken ct)
    {
        if (registry.Find(id) is not { } calendar) return UnknownCalendar(id);
        if (!calendar.Dated) return BadParameter("id", "the default calendar is undated: it has no availability by date");
        var count = days ?? 7;
        if (count is < 1 or > MaxAvailabilityDays) return BadParameter("days", $"{count} is not between 1 and {MaxAvailabilityDays}");
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        LocalDate first;
        if (from is null) first = calendar.Today(now);
        else if (ParseDate(from) is { } parsed) first = parsed;
        else return BadParameter("from", $"'{from}' is not a date as YYYY-MM-DD");
        if (readable.Check(calendar, first, now) is { } outOfRange) return BadParameter("from", outOfRange);
        if (readable.CheckSpan(calendar, first, count, now) is { } tooLong) return BadParameter("days", tooLong);

        // The days are independent: read them together. An untouched day answers from its own empty journal.
        var dates = Enumerable.Range(0, count).Select(first.PlusDays).ToArray();
        var views = await Task.WhenAll(dates.Select(d => reader.ReadAsync(new BoardKey(calendar.Id, d), ct)));
        if (views.Any(v => !v.IsReady)) return HttpProblems.NotReady();
        var result = dates.Zip(views, (d, v) =>
        {
            var data = SlotsDataFactory.FromDay(calendar, d, v.Slots);
            return new DayAvailability(d.ToDateOnly(), data.AvailableSlots, data.BookedSlots);
        }).ToArray();
        return TypedResults.Json(new AvailabilityResponse(calendar.Id, result), ProtocolJsonContext.Default.AvailabilityResponse);
    }

    private static LocalDate? ParseDate(string text) => IsoDates.TryParse(text, out var d) ? LocalDate.FromDateOnly(d) : null;

    private static ProblemHttpResult UnknownCalendar(string id) =>
        TypedResults.Problem($"Unknown calendar: {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown calendar");

    private static ProblemHttpResult BadParameter(string name, string problem) => HttpProblems.BadParameter(name, problem);

    private static JsonHttpResult<CalendarsResponse> GetCalendars(CalendarRegistry registry)
    {
        // One snapshot, so the list is consistent even while an admin change swaps the registry.
        var calendars = registry.Current.All.Select(Describe).ToArray();
        return TypedResults.Json(new CalendarsResponse(calendars), ProtocolJsonContext.Default.CalendarsResponse);
    }

    /// <summary>What a read of one board takes from the container, bound with <c>[AsParameters]</c>.</summary>
    private readonly record struct BoardReads(CalendarRegistry Registry, BoardReader Board, ReadableDates Dates, TimeProvider Clock);

    /// <summary>A calendar as <c>GET /calendars</c> lists it and the admin routes answer it.</summary>
    public static CalendarInfo Describe(CalendarDefinition c) =>
        new(c.Id, c.Name, c.TimeZoneId, c.FirstHour, c.LastHour, c.Dated, c.HorizonDays, c.MinNoticeMinutes,
            CalendarAccessNames.Of(c.Access), c.Retired);
}
