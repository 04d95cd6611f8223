using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Board;
using SlotBooking.Host.Cluster;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Persistence;
using SlotBooking.Host.WebSockets;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Http;

/// <summary>
/// <c>GET /health</c> on ASP.NET Core's health checks, written in the seed's JSON shape (503 unless healthy).
/// The board check reads through the routes' <see cref="BoardReader"/> (registered by <see cref="SlotRoutes.AddSlotRoutes"/>);
/// the cluster check is registered with the cluster (<see cref="ClusterSetup.AddSlotCluster(IServiceCollection)"/>).
/// </summary>
public static class HealthEndpoint
{
    private const string SlotsCheck = "slots";
    public const string ClusterCheck = "cluster";

    public static IServiceCollection AddSlotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<SlotBoardHealthCheck>(SlotsCheck);
        return services;
    }

    public static IEndpointRouteBuilder MapSlotHealth(this IEndpointRouteBuilder app)
    {
        var options = new HealthCheckOptions { ResponseWriter = WriteSeedShapeAsync };
        options.ResultStatusCodes[HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable;
        app.MapHealthChecks("/health", options)
            .RequireClientRateLimit(HttpRateLimiting.Policy);
        return app;
    }

    private static Task WriteSeedShapeAsync(HttpContext context, HealthReport report)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SlotBookingOptions>>().Value;
        var connections = context.RequestServices.GetRequiredService<ConnectionGate>();
        var entry = report.Entries.GetValueOrDefault(SlotsCheck);
        // No view when the board did not answer: counts of zero, as before.
        var view = entry.Data.TryGetValue(SlotBoardHealthCheck.BoardKey, out var value) ? value as BoardView : null;
        var database = SlotRoutes.DatabaseStatsOf(view?.BookedCount ?? 0, options, context.RequestServices.GetRequiredService<StorageLocation>());
        var status = report.Status == HealthStatus.Healthy ? "healthy" : StatusOf(report);
        var body = new HealthResponse(
            status,
            context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            connections.Open,
            database.TotalSlots,
            database.BookedSlots,
            database.AvailableSlots,
            database,
            entry.Data.TryGetValue(SlotBoardHealthCheck.StorageProblemKey, out var problem) ? problem as string : null,
            context.RequestServices.GetRequiredService<ClusterMembership>().Read());
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, ProtocolJsonContext.Default.HealthResponse, context.RequestAborted);
    }

    /// <summary>The board's word first (starting, storage, unresponsive), as before the cluster; then the cluster's.</summary>
    private static string StatusOf(HealthReport report)
    {
        foreach (var check in (string[])[SlotsCheck, ClusterCheck])
        {
            if (report.Entries.TryGetValue(check, out var entry) && entry.Status != HealthStatus.Healthy)
                return entry.Description ?? "unhealthy";
        }
        return "unhealthy";
    }
}
