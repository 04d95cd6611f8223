using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Domain;
using SlotBooking.Host.Cluster;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Persistence;
using SlotBooking.Host.WebSockets;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Http;

/// <summary>The seed's read-only HTTP routes; each is one ask of the default calendar's board, plus the connection gate's count.</summary>
public static class SlotRoutes
{
    /// <summary>The board reader these routes ask through; <c>/health</c>'s check and the calendar routes read through the same one.</summary>
    public static IServiceCollection AddSlotRoutes(this IServiceCollection services) =>
        services.AddSingleton<BoardDirectory>().AddSingleton<BoardReader>();

    public static IEndpointRouteBuilder MapSlotRoutes(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("").RequireClientRateLimit(HttpRateLimiting.Policy);
        routes.MapGet("/", GetRoot).WithName("Root").WithSummary("Service information and booked slot ids");
        routes.MapGet("/slots", GetSlots).WithName("Slots").WithSummary("Every slot with its state");
        routes.MapGet("/stats", GetStats).WithName("Stats").WithSummary("Slot and connection counts, and this node's cluster membership");
        return app;
    }

    private static async Task<Results<JsonHttpResult<RootResponse>, ProblemHttpResult>> GetRoot(
        [AsParameters] ReadServices services, CancellationToken ct)
    {
        var view = await services.Board.ReadAsync(BoardKey.Default, ct);
        if (!view.IsReady) return HttpProblems.NotReady();
        return TypedResults.Json(
            new RootResponse("Slot Booking API is running", "/slot-booking", services.Connections.Open, view.BookedIds.ToArray()),
            ProtocolJsonContext.Default.RootResponse);
    }

    private static async Task<Results<JsonHttpResult<SlotsData>, ProblemHttpResult>> GetSlots(BoardReader board, CancellationToken ct)
    {
        var view = await board.ReadAsync(BoardKey.Default, ct);
        if (!view.IsReady) return HttpProblems.NotReady();
        return TypedResults.Json(SlotsDataFactory.From(view.Slots), ProtocolJsonContext.Default.SlotsData);
    }

    private static async Task<Results<JsonHttpResult<StatsResponse>, ProblemHttpResult>> GetStats(
        [AsParameters] ReadServices services, CancellationToken ct)
    {
        var view = await services.Board.ReadAsync(BoardKey.Default, ct);
        if (!view.IsReady) return HttpProblems.NotReady();
        var database = DatabaseStatsOf(view.BookedCount, services.Options.Value, services.Storage);
        return TypedResults.Json(
            new StatsResponse(
                database,
                new WebSocketStats(services.Connections.Open),
                new SlotCounts(database.TotalSlots, database.BookedSlots, database.AvailableSlots),
                services.Cluster.Read()),
            ProtocolJsonContext.Default.StatsResponse);
    }

    public static DatabaseStats DatabaseStatsOf(int booked, SlotBookingOptions options, StorageLocation storage)
    {
        var total = options.SlotRange().Count;
        return new DatabaseStats(total, booked, total - booked, storage.Description);
    }


    /// <summary>What a read route takes from the container, bound with <c>[AsParameters]</c>.</summary>
    private readonly record struct ReadServices(
        BoardReader Board, ConnectionGate Connections, IOptions<SlotBookingOptions> Options, StorageLocation Storage, ClusterMembership Cluster);
}
