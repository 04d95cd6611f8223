using System.Diagnostics;
using SlotBooking.ProcessTests.Hosting;
using SlotBooking.TestSupport;
using SlotBooking.TestSupport.PostgreSql;

namespace SlotBooking.ProcessTests.Cluster;

/// <summary>
/// One three-node cluster on one throwaway PostgreSQL database, shared by the test classes of
/// <see cref="ThreeNodeCollection"/> so that the suite starts three hosts once rather than once per test. Every node
/// lists all three as seeds, so any node can be killed or stopped and restarted. A test that stops a node leaves it
/// stopped; the next test calls <see cref="EnsureAllUpAsync"/>, which restarts it and waits for one view of three.
/// Tests do not rely on data another wrote: each reads the state it starts from (the journal, a slot's state).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // Membership converges by gossip (1 s); a restarted node also waits for the old incarnation to be removed.
    public static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    // A node is healthy once it is up in the cluster: start-up (22 s measured for one host at a load average of 25 on
    // 2 cores) plus the join, so more than a single host's 30 s.
    private static readonly TimeSpan NodeReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDatabase _unusedSqliteFile = new();
    private PostgreSqlServer? _postgres;
    private PostgreSqlTestDatabase? _database;

    public HostOutput Output { get; } = new();
    public IReadOnlyList<ClusterNode> Nodes { get; } = new[] { "a", "b", "c" }.Select(n => new ClusterNode(n, FreePort.Pick())).ToArray();
    public ClusterNode A => Nodes[0];
    public ClusterNode B => Nodes[1];
    public ClusterNode C => Nodes[2];
    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("no database yet");

    /// <summary>
    /// Every node: the database, all three seeds, the tests' signing key (tokens minted by <see cref="TestTokens"/>
    /// are valid on every node), and no per-connection frame or per-address upgrade limit (load clients and probes
    /// open many connections from 127.0.0.1 and send as fast as they are answered).
    /// </summary>
    private string[] ArgsFor(ClusterNode node) =>
    [
        .. _database!.HostArgs,
        .. node.ClusterArgs(Nodes),
        .. TestTokens.Args(),
        "--SlotBooking:MessagesPerSecond=1000000",
        "--SlotBooking:MessageBurst=1000000",
        "--SlotBooking:UpgradesPerMinute=100000000",
    ];

    public async Task InitializeAsync()
    {
        _postgres = await PostgreSqlServer.StartAsync();
        _database = await _postgres.CreateDatabaseAsync();
        var started = Stopwatch.StartNew();
        try
        {
            // The first seed, alone, joins itself once the others do not answer (seed-node-timeout, 5 s); the others
            // then join it. Started one after the other, not together: three JIT-heavy starts at once on 2 shared
            // cores take longer than the three in turn.
            foreach (var node in Nodes) await StartAsync(node);
            await WaitForViewAsync(Nodes, Nodes, "three nodes up");
        }
        catch (Exception e)
        {
            // A class fixture has no test log of its own: carry what the hosts said in the failure.
            throw new InvalidOperationException($"The three-node cluster did not start: {e.Message}\nhost output (last 200 lines):\n{Output.Tail(200)}", e);
        }
        Output.Add("fixture", $"three nodes up after {started.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>(Re)starts a node on its remoting port; an old process still running is killed first.</summary>
    public async Task StartAsync(ClusterNode node)
    {
        if (node.Process is { } old) await old.DisposeAsync();
        node.Process = null;
        node.Process = await HostProcess.StartAsync(_unusedSqliteFile.Path, Output, NodeReadyTimeout, ArgsFor(node));
    }

    /// <summary>Restarts any node a previous test stopped, and waits until all three see the same three members up.</summary>
    public async Task EnsureAllUpAsync()
    {
        await Task.WhenAll(Nodes.Where(n => n.Process is null || n.Process.HasExited).Select(StartAsync));
        await WaitForViewAsync(Nodes, Nodes, "three nodes up before the test");
    }

    /// <summary>Waits until each of <paramref name="observers"/> sees exactly <paramref name="up"/> up and nobody unreachable.</summary>
    public async Task WaitForViewAsync(IReadOnlyList<ClusterNode> observers, IReadOnlyList<ClusterNode> up, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? ConvergeTimeout;
        var expected = up.Select(n => n.Address).ToHashSet();
        var deadline = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < limit)
        {
            try
            {
                var views = await Task.WhenAll(observers.Select(async o => (o, View: await o.ViewAsync())));
                if (views.All(v => v.View.Up.SetEquals(expected) && v.View.Unreachable.Count == 0)) return;
                last = string.Join("; ", views.Select(v => $"{v.o.Name} sees up [{string.Join(", ", v.View.Up)}] unreachable [{string.Join(", ", v.View.Unreachable)}]"));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = $"/stats failed: {ex.Message}";
            }
            await Task.Delay(PollInterval);
        }
        Assert.Fail($"{what}: not reached within {limit.TotalSeconds:F0} s; last: {last}");
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            if (node.Process is { } process) await process.DisposeAsync();
        }
        if (_postgres is not null) await _postgres.DisposeAsync();
        _unusedSqliteFile.Dispose();
    }
}

/// <summary>The test classes that share one <see cref="ClusterFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ThreeNodeCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-node cluster on PostgreSQL";
}
