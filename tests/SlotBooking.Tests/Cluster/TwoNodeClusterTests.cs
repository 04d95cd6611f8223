using System.Diagnostics;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.SBR;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SlotBooking.Host.Cluster;
using Xunit.Abstractions;

namespace SlotBooking.Tests.Cluster;

/// <summary>
/// Two nodes wired as the host wires them (<see cref="ClusterSetup.AddSlotCluster(AkkaConfigurationBuilder, ClusterNodeOptions)"/>,
/// hocon/cluster.conf), each an Akka.Hosting host of its own in this process on 127.0.0.1: only the membership layer,
/// since two hosts cannot share one SQLite file.
/// </summary>
public sealed class TwoNodeClusterTests(ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(15);

    // The first node has the lower port: with two nodes keep-majority keeps the side with the lowest address, so it
    // is the one that survives the other's crash.
    private readonly int _firstPort = LoopbackPort.Free();
    private readonly int _secondPort = LoopbackPort.Free();
    private IHost _first = null!;
    private IHost _second = null!;

    public async Task InitializeAsync()
    {
        var (low, high) = (Math.Min(_firstPort, _secondPort), Math.Max(_firstPort, _secondPort));
        var seed = $"akka.tcp://{ClusterNodeOptions.ActorSystemName}@127.0.0.1:{low}";
        _first = await StartNodeAsync(low, seed);
        _second = await StartNodeAsync(high, seed);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _second, _first })
        {
            await node.StopAsync();
            node.Dispose();
        }
    }

    [Fact]
    public async Task Two_nodes_form_one_cluster_and_a_stopped_node_leaves_it_gracefully()
    {
        var first = System(_first);
        var second = System(_second);
        await BothUpAsync(first, second);

        var status = new ClusterMembership(first).Read();
        Assert.Equal("up", status.MemberStatus);
        Assert.Equal(2, status.Members.Count);
        Assert.All(status.Members, m => Assert.Equal("up", m.Status));
        Assert.Empty(status.Unreachable);

        var removed = Subscribe<ClusterEvent.MemberRemoved>(first);
        // What SIGTERM does: the host stops, and Akka.Hosting runs coordinated shutdown, whose cluster-leave phase leaves.
        await _second.StopAsync();

        var gone = await removed.ReadAsync().AsTask().WaitAsync(FormTimeout);
        Assert.Equal(Akka.Cluster.Cluster.Get(second).SelfAddress, gone.Member.Address);
        // A member that left is removed from Exiting; one that was downed would be removed from Down.
        Assert.Equal(MemberStatus.Exiting, gone.PreviousStatus);
        // The membership read (Cluster.State) is updated after the event reaches subscribers, not before: wait for it.
        var alone = new[] { Akka.Cluster.Cluster.Get(first).SelfAddress.ToString() };
        var deadline = DateTime.UtcNow + FormTimeout;
        while (!new ClusterMembership(first).Read().Members.Select(m => m.Address).SequenceEqual(alone) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(alone, new ClusterMembership(first).Read().Members.Select(m => m.Address));
    }

    [Fact]
    public void The_split_brain_resolver_is_keep_majority_with_the_timings_of_cluster_conf()
    {
        var system = System(_first);
        var config = system.Settings.Config;

        Assert.IsType<SplitBrainResolverProvider>(Akka.Cluster.Cluster.Get(system).DowningProvider);
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal(TimeSpan.FromSeconds(3), Akka.Cluster.Cluster.Get(system).DowningProvider.DownRemovalMargin);
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.True(config.GetBoolean("akka.cluster.run-coordinated-shutdown-when-down"));
    }

    [Fact]
    public async Task A_crashed_node_is_downed_and_removed_by_the_survivor()
    {
        var first = System(_first);
        var second = System(_second);
        await BothUpAsync(first, second);
        var removed = Subscribe<ClusterEvent.MemberRemoved>(first);

        // A crash, not a stop: the actor system ends without coordinated shutdown (off for Terminate on these nodes),
        // so the node never leaves, and the survivor only learns of it from missing heartbeats.
        var crashedAt = Stopwatch.GetTimestamp();
        await second.Terminate();

        var gone = await removed.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var elapsed = Stopwatch.GetElapsedTime(crashedAt);
        log.WriteLine($"the crashed node was removed after {elapsed.TotalSeconds:F1} s");
        Assert.Equal(MemberStatus.Down, gone.PreviousStatus);
        // Detection (~4.5 s) + stable-after (5 s) + removal (~1 s), with slack for a loaded machine; Akka's defaults
        // (stable-after 20 s) could not pass this.
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"removed only after {elapsed.TotalSeconds:F1} s");
        Assert.Equal("up", new ClusterMembership(first).Read().MemberStatus);
    }

    private static async Task<IHost> StartNodeAsync(int port, string seed)
    {
        var node = new ClusterNodeOptions { Port = port, SeedNodes = [seed] };
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(ClusterNodeOptions.ActorSystemName, akka => akka
            // Terminate() is then a crash, with no leave; stopping the host still runs coordinated shutdown, as SIGTERM does.
            // Quiet: the crash makes the survivor log every failed reconnection.
            .AddHocon("""
                akka.loglevel = OFF
                akka.coordinated-shutdown.run-by-actor-system-terminate = off
                """, HoconAddMode.Prepend)
            .AddSlotCluster(node));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static ActorSystem System(IHost host) => host.Services.GetRequiredService<ActorSystem>();

    private static async Task BothUpAsync(params ActorSystem[] nodes)
    {
        using var timeout = new CancellationTokenSource(FormTimeout);
        foreach (var node in nodes)
        {
            var up = Subscribe<ClusterEvent.MemberUp>(node);
            var seen = new HashSet<Address>();
            while (seen.Count < nodes.Length) seen.Add((await up.ReadAsync(timeout.Token)).Member.Address);
        }
    }

    /// <summary>The cluster events of one type as a node sees them, the current state first (as membership events).</summary>
    private static ChannelReader<T> Subscribe<T>(ActorSystem system) where T : ClusterEvent.IMemberEvent
    {
        var channel = Channel.CreateUnbounded<T>();
        var listener = system.ActorOf(Props.Create(() => new EventListener<T>(channel.Writer)));
        Akka.Cluster.Cluster.Get(system).Subscribe(listener, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(T));
        return channel.Reader;
    }

    private sealed class EventListener<T> : ReceiveActor
    {
        public EventListener(ChannelWriter<T> events) => Receive<T>(e => events.TryWrite(e));
    }
}
