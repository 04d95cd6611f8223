using System.Diagnostics;
using SlotBooking.ProcessTests.Hosting;
using SlotBooking.TestSupport;
using SlotBooking.TestSupport.PostgreSql;

namespace SlotBooking.ProcessTests.Cluster;

/// <summary>
/// Three host processes on 127.0.0.1, each with its own HTTP and remoting port, on one PostgreSQL database: they form
/// one cluster; a node stopped with SIGTERM leaves it, and one killed with SIGKILL is downed by the survivors
/// (keep-majority) and can restart on its port and rejoin.
/// </summary>
public sealed class ThreeNodeClusterTests(ITestOutputHelper log) : IAsyncLifetime
{
    // Membership converges by gossip (1 s) and, for a killed node, by the failure detector and the split-brain
    // resolver's stable-after (hocon/cluster.conf): about 12 s measured; the margin is for a loaded 2-core machine.
    private static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DownedTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly HostOutput _output = new();
    private readonly TempDatabase _unusedSqliteFile = new();
    private PostgreSqlServer? _postgres;
    private PostgreSqlTestDatabase? _database;
    private readonly ClusterNode[] _nodes = new[] { "a", "b", "c" }.Select(n => new ClusterNode(n, FreePort.Pick())).ToArray();

    public async Task InitializeAsync()
    {
        _postgres = await PostgreSqlServer.StartAsync();
        _database = await _postgres.CreateDatabaseAsync();
    }

    [Fact]
    public async Task Three_nodes_form_one_cluster_a_stopped_node_leaves_and_a_killed_node_is_downed_and_rejoins()
    {
        var (a, b, c) = (_nodes[0], _nodes[1], _nodes[2]);
        // The first seed joins itself; the others join it.
        await StartAsync(a);
        await Task.WhenAll(StartAsync(b), StartAsync(c));
        await WaitForViewAsync([a, b, c], up: [a, b, c], "three nodes up");

        var killedAt = Stopwatch.StartNew();
        c.Host.Kill();
        Assert.NotNull(await c.Host.WaitForExitAsync(ExitTimeout));
        await WaitForViewAsync([a, b], up: [a, b], "the killed node downed and removed", DownedTimeout);
        log.WriteLine($"the killed node was removed {killedAt.Elapsed.TotalSeconds:F1} s after SIGKILL");

        await StartAsync(c);
        await WaitForViewAsync([a, b, c], up: [a, b, c], "the restarted node rejoined");

        b.Host.Terminate();
        Assert.Equal(0, await b.Host.WaitForExitAsync(ExitTimeout));
        await WaitForViewAsync([a, c], up: [a, c], "the stopped node left");
    }

    private async Task StartAsync(ClusterNode node)
    {
        if (node.Process is { } old) await old.DisposeAsync();
        node.Process = await HostProcess.StartAsync(_unusedSqliteFile.Path, _output, [.. _database!.HostArgs, .. node.ClusterArgs(_nodes[0])]);
    }

    /// <summary>Waits until each of <paramref name="observers"/> sees exactly <paramref name="up"/> up and nobody unreachable.</summary>
    private async Task WaitForViewAsync(ClusterNode[] observers, ClusterNode[] up, string what, TimeSpan? timeout = null)
    {
        var expected = up.Select(n => n.Address).ToHashSet();
        var deadline = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < (timeout ?? ConvergeTimeout))
        {
            var views = await Task.WhenAll(observers.Select(async o => (o, View: await o.ViewAsync())));
            if (views.All(v => v.View.Up.SetEquals(expected) && v.View.Unreachable.Count == 0)) return;
            last = string.Join("; ", views.Select(v => $"{v.o.Name} sees up [{string.Join(", ", v.View.Up)}] unreachable [{string.Join(", ", v.View.Unreachable)}]"));
            await Task.Delay(PollInterval);
        }
        Assert.Fail($"{what}: not reached within {(timeout ?? ConvergeTimeout).TotalSeconds:F0} s; last: {last}");
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node.Process is { } process) await process.DisposeAsync();
        }
        _output.WriteTo(log);
        if (_postgres is not null) await _postgres.DisposeAsync();
        _unusedSqliteFile.Dispose();
    }
}
