using Akka.Actor;
using Akka.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SlotBooking.Host.Cluster;

namespace SlotBooking.Tests.Cluster;

/// <summary>A node is healthy only while it is Up: not before it has joined, not after it has left.</summary>
public sealed class ClusterHealthCheckSpecs : IAsyncLifetime
{
    private static readonly TimeSpan MembershipTimeout = TimeSpan.FromSeconds(15);

    private readonly ActorSystem _system = ActorSystem.Create(ClusterNodeOptions.ActorSystemName, ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.loglevel = ERROR
        """));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public async Task Joining_then_up_then_gone()
    {
        var membership = new ClusterMembership(_system);
        var check = new ClusterHealthCheck(membership);
        var cluster = Akka.Cluster.Cluster.Get(_system);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal((HealthStatus.Degraded, "joining"), (before.Status, before.Description));
        Assert.Equal(ClusterMembership.NotAMember, membership.Read().MemberStatus);
        Assert.Empty(membership.Read().Members);

        using (var timeout = new CancellationTokenSource(MembershipTimeout))
            await cluster.JoinAsync(cluster.SelfAddress, timeout.Token);

        var up = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal((HealthStatus.Healthy, "healthy"), (up.Status, up.Description));
        var status = membership.Read();
        Assert.Equal("up", status.MemberStatus);
        Assert.Equal(cluster.SelfAddress.ToString(), status.SelfAddress);
        Assert.Equal([new SlotBooking.Protocol.ClusterMemberStatus(cluster.SelfAddress.ToString(), "up")], status.Members);
        Assert.Empty(status.Unreachable);

        await cluster.LeaveAsync().WaitAsync(MembershipTimeout);

        // The last view the node had before its cluster shut down: exiting, or no longer a member.
        var after = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Contains(membership.Read().MemberStatus, (string[])["exiting", "removed", ClusterMembership.NotAMember]);
    }
}
