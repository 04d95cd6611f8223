using Akka.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SlotBooking.Host.Cluster;

/// <summary>
/// Healthy only while this node is Up in the cluster: a node still joining cannot serve what the cluster owns, and
/// one that is leaving or was downed is on its way out (a load balancer should stop sending it clients).
/// </summary>
public sealed class ClusterHealthCheck(ClusterMembership membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = membership.SelfStatus() switch
        {
            MemberStatus.Up => HealthCheckResult.Healthy("healthy"),
            // Expected while the node starts, as "starting" is for the board: Degraded, still answered with 503.
            MemberStatus.Joining or MemberStatus.WeaklyUp => HealthCheckResult.Degraded("joining"),
            null when membership.MayStillJoin => HealthCheckResult.Degraded("joining"),
            MemberStatus.Leaving or MemberStatus.Exiting => HealthCheckResult.Unhealthy("leaving"),
            _ => HealthCheckResult.Unhealthy("not_in_cluster"),
        };
        return Task.FromResult(result);
    }
}
