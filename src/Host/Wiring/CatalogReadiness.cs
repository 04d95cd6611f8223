using Akka.Actor;
using Akka.Hosting;
using SlotBooking.Actors.Catalog;

namespace SlotBooking.Host.Wiring;

/// <summary>
/// Holds the start until this node's registry holds the calendar catalog's view, which the catalog gives only once it
/// has recovered (on whichever node runs it), so that no request is served against the configured calendars alone.
/// Hosted services start in the order they were registered, and WebApplication starts its server after all of them:
/// register this after <c>AddAkka</c>.
/// </summary>
public sealed class CatalogReadiness(IRequiredActor<CatalogFollower> follower) : IHostedService
{
    /// <summary>Recovery reads one small journal stream; this bounds a start on a storage that does not answer.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var actor = await follower.GetAsync(cancellationToken);
        try
        {
            await actor.Ask<CatalogReady>(WhenCatalogReady.Instance, ReadyTimeout, cancellationToken);
        }
        catch (AskTimeoutException e)
        {
            throw new InvalidOperationException(
                $"The calendar catalog did not recover within {ReadyTimeout.TotalSeconds:0} s; see the log for the storage problem.", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class CatalogReadinessSetup
{
    /// <summary>Must come after <c>AddAkka</c>, whose hosted service starts the actors this one waits for.</summary>
    public static IServiceCollection AddCatalogReadiness(this IServiceCollection services) =>
        services.AddHostedService<CatalogReadiness>();
}
