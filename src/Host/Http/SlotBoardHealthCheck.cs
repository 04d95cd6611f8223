using Microsoft.Extensions.Diagnostics.HealthChecks;
using SlotBooking.Actors.Board;

namespace SlotBooking.Host.Http;

/// <summary>Healthy when the board answers and every slot has recovered from storage.</summary>
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
        catch (Exception ex) when (ex is TimeoutException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy("unresponsive", ex);
        }
        var data = new Dictionary<string, object> { [BoardKey] = view };
        return view.IsReady
            ? HealthCheckResult.Healthy("healthy", data)
            : HealthCheckResult.Unhealthy("starting", data: data);
    }
}
