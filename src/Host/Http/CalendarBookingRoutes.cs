using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SlotBooking.Actors.Calendars;
using SlotBooking.Host.Auth;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Http;

/// <summary><c>GET /calendars/{id}/bookings?date=</c>, for admins: who booked each slot of one board. Broadcasts never carry owners.</summary>
public static class CalendarBookingRoutes
{
    public static IEndpointRouteBuilder MapCalendarBookingRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendars/{id}/bookings", GetBookings)
            .RequireRateLimiting(HttpRateLimiting.Policy)
            .RequireAuthorization(AuthPolicies.Admin)
            .WithName("CalendarBookings").WithSummary("Admins: a calendar's bookings on a date, with their owners");
        return app;
    }

    private static async Task<Results<JsonHttpResult<CalendarBookingsResponse>, ProblemHttpResult>> GetBookings(
        string id, string? date, CalendarRegistry registry, BoardReader board, DayReader days, TimeProvider clock, CancellationToken ct)
    {
        if (registry.Find(id) is not { } calendar)
            return TypedResults.Problem($"Unknown calendar: {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown calendar");
        LocalDate? day = null;
        if (calendar.Dated)
        {
            if (date is null) day = calendar.Today(Instant.FromDateTimeOffset(clock.GetUtcNow()));
            else if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) day = LocalDate.FromDateOnly(parsed);
            else return BadDate($"'{date}' is not a date as YYYY-MM-DD");
        }
        else if (date is not null) return BadDate("the default calendar is undated: leave out 'date'");

        var view = day is { } d ? await days.ReadAsync(calendar.Id, d, ct) : await board.ReadAsync(ct);
        if (!view.IsReady)
            return TypedResults.Problem("The slots are still being recovered from storage; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting");
        var bookings = view.Slots
            .Where(s => s.IsBooked)
            .Select(s => new CalendarBooking(
                s.SlotId,
                day is { } onDay ? SlotTimes.Of(calendar, onDay, s.SlotId)?.StartsAt.ToDateTimeOffset() : null,
                s.BookedAt!.Value,
                s.BookedBy))
            .ToArray();
        return TypedResults.Json(new CalendarBookingsResponse(calendar.Id, day?.ToDateOnly(), bookings), ProtocolJsonContext.Default.CalendarBookingsResponse);
    }

    private static ProblemHttpResult BadDate(string problem) =>
        TypedResults.Problem($"Parameter 'date': {problem}", statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter 'date'");
}
