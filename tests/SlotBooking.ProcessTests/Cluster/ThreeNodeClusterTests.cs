using System.Diagnostics;

namespace SlotBooking.ProcessTests.Cluster;

/// <summary>
/// Three host processes on 127.0.0.1, each with its own HTTP and remoting port, on one PostgreSQL database (the
/// shared <see cref="ClusterFixture"/>): they form one cluster; a node stopped with SIGTERM leaves it, and one killed
/// with SIGKILL is downed by the survivors (keep-majority) and can restart on its port and rejoin.
/// </summary>
[Collection(ThreeNodeCollection.Name)]
public sealed class ThreeNodeClusterTests(ClusterFixture cluster, ITestOutputHelper log) : IAsyncLifetime
{
    // For a killed node: the failure detector and the split-brain resolver's stable-after (hocon/cluster.conf), about
    // 12 s measured; the margin is for a loaded 2-core machine.
    private static readonly TimeSpan DownedTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    // Formation is the fixture's start (or, after another test stopped a node, its restart): three nodes that all see
    // the same three members up.
    public Task InitializeAsync() => cluster.EnsureAllUpAsync();

    [Fact]
    public async Task Three_nodes_form_one_cluster_a_stopped_node_leaves_and_a_killed_node_is_downed_and_rejoins()
    {
        var (a, b, c) = (cluster.A, cluster.B, cluster.C);
        await cluster.WaitForViewAsync([a, b, c], [a, b, c], "three nodes up");

        var killedAt = Stopwatch.StartNew();
        c.Host.Kill();
        Assert.NotNull(await c.Host.WaitForExitAsync(ExitTimeout));
        await cluster.WaitForViewAsync([a, b], [a, b], "the killed node downed and removed", DownedTimeout);
        log.WriteLine($"the killed node was removed {killedAt.Elapsed.TotalSeconds:F1} s after SIGKILL");

        await cluster.StartAsync(c);
        await cluster.WaitForViewAsync([a, b, c], [a, b, c], "the restarted node rejoined");

        b.Host.Terminate();
        Assert.Equal(0, await b.Host.WaitForExitAsync(ExitTimeout));
        await cluster.WaitForViewAsync([a, c], [a, c], "the stopped node left");
    }

    public Task DisposeAsync()
    {
        cluster.Output.DrainTo(log);
        return Task.CompletedTask;
    }
}
