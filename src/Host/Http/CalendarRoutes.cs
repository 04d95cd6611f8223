using Microsoft.AspNetCore.Http.HttpResults;
using SlotBooking.Actors.Calendars;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Http;

/// <summary>The calendars the service books; read from the registry, so no actor is asked.</summary>
public static class CalendarRoutes
{
    public static IEndpointRouteBuilder MapCalendarRoutes(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("/calendars").RequireRateLimiting(HttpRateLimiting.Policy);
        routes.MapGet("", GetCalendars).WithName("Calendars").WithSummary("Every calendar, the default one first");
        return app;
    }

    private static JsonHttpResult<CalendarsResponse> GetCalendars(CalendarRegistry registry)
    {
        // One snapshot, so the list is consistent even while an admin change swaps the registry.
        var calendars = registry.Current.All.Select(Describe).ToArray();
        return TypedResults.Json(new CalendarsResponse(calendars), ProtocolJsonContext.Default.CalendarsResponse);
    }

    private static CalendarInfo Describe(CalendarDefinition c) =>
        new(c.Id, c.Name, c.TimeZoneId, c.FirstHour, c.LastHour, c.Dated, c.HorizonDays, c.MinNoticeMinutes);
}
