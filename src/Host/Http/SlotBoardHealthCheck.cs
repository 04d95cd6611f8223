using Akka.Actor;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SlotBooking.Actors.Board;

namespace SlotBooking.Host.Http;

/// <summary>Healthy when the board answers, every slot has recovered from storage, and storage is working.</summary>
public sealed class SlotBoardHealthCheck(BoardReader board) : IHealthCheck
{
    public const string BoardKey = "board";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        BoardView view;
        try
        {
            view = await board.ReadAsync(cancellationToken);
        }
        // Akka's AskTimeoutException is not a TimeoutException; uncaught, its message became the reported status.
        catch (Exception ex) when (ex is AskTimeoutException or TimeoutException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy("unresponsive", ex);
        }
        var data = new Dictionary<string, object> { [BoardKey] = view };
        // Starting is expected, not a failure: Degraded (logged as a warning), still answered with 503.
        if (!view.IsReady) return HealthCheckResult.Degraded("starting", data: data);
        if (view.StorageProblem is not null) return HealthCheckResult.Unhealthy("storage_unavailable", data: data);
        return HealthCheckResult.Healthy("healthy", data);
    }
}
