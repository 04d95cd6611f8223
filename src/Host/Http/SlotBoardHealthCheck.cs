using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Storage;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Http;

/// <summary>
/// Healthy when the default calendar's board answers with every slot recovered from storage, and the storage health
/// actor has no storage failure on record. The two are asked together.
/// </summary>
public sealed class SlotBoardHealthCheck(BoardReader board, IRequiredActor<StorageHealthActor> storage, IOptions<SlotBookingOptions> options) : IHealthCheck
{
    public const string BoardKey = "board";
    public const string StorageProblemKey = "storage_problem";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        BoardView view;
        StorageHealth health;
        try
        {
            var read = board.ReadAsync(Actors.Board.BoardKey.Default, cancellationToken);
            var storageActor = await storage.GetAsync(cancellationToken);
            var asked = storageActor.Ask<StorageHealth>(GetStorageHealth.Instance, options.Value.AskTimeout, cancellationToken);
            view = await read;
            health = await asked;
        }
        // Akka's AskTimeoutException is not a TimeoutException; uncaught, its message became the reported status.
        catch (Exception ex) when (ex is AskTimeoutException or TimeoutException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy("unresponsive", ex);
        }
        var data = new Dictionary<string, object> { [BoardKey] = view };
        if (health.Problem is { } problem) data[StorageProblemKey] = problem;
        // Starting is expected, not a failure: Degraded (logged as a warning), still answered with 503.
        if (!view.IsReady) return HealthCheckResult.Degraded("starting", data: data);
        if (health.Problem is not null) return HealthCheckResult.Unhealthy("storage_unavailable", data: data);
        return HealthCheckResult.Healthy("healthy", data);
    }
}
