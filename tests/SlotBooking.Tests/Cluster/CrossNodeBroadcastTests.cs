using System.Text;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Akka.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Domain;
using SlotBooking.Host.Cluster;
using BroadcastSubscribe = SlotBooking.Actors.Broadcast.Subscribe;

namespace SlotBooking.Tests.Cluster;

/// <summary>
/// A board's change published on one node reaches a watcher on another: two nodes wired as the host wires them
/// (<see cref="ClusterSetup"/>, <see cref="BroadcastSetup"/>), the board's side played by its node's mediator and the
/// read side by a probe, since two hosts cannot share one SQLite file.
/// </summary>
public sealed class CrossNodeBroadcastTests : IAsyncLifetime
{
    private static readonly CalendarDefinition Lab = new("lab", "Robotics lab", DateTimeZoneProviders.Tzdb["Europe/Berlin"], 8, 9, 14, 0);
    private static readonly BoardKey Day = new("lab", new LocalDate(2026, 11, 26));

    private IHost _publisherNode = null!;
    private IHost _watcherNode = null!;

    public async Task InitializeAsync()
    {
        var (low, high) = (LoopbackPort.Free(), LoopbackPort.Free());
        var seed = $"akka.tcp://{ClusterNodeOptions.ActorSystemName}@127.0.0.1:{low}";
        _publisherNode = await StartNodeAsync(low, seed);
        _watcherNode = await StartNodeAsync(high, seed);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _watcherNode, _publisherNode })
        {
            await node.StopAsync();
            node.Dispose();
        }
    }

    [Fact]
    public async Task A_change_published_on_one_node_reaches_a_watcher_on_another_and_a_missed_one_is_read()
    {
        var watcherSystem = System(_watcherNode);
        var kit = new Akka.TestKit.Xunit2.TestKit(watcherSystem);
        await BothUpAsync(kit, System(_publisherNode), watcherSystem);
        CalendarLookup.Install(watcherSystem, new CalendarRegistry(CalendarDefinition.Default(3, 14), [Lab]));
        var days = kit.CreateTestProbe();
        var broadcaster = watcherSystem.ActorOf(BroadcasterActor.Props(Mediator(_watcherNode), new Boards(days.Ref, ActorRefs.Nobody, static _ => null),
            new BroadcastSettings(TimeSpan.Zero, TimeProvider.System) { SubscriptionSpread = TimeSpan.FromMinutes(1) }));
        var watcher = kit.CreateTestProbe();
        broadcaster.Tell(new BroadcastSubscribe(new ProbeSubscriber(watcher.Ref)) { Board = Day });

        // Its subscription acknowledged, the watcher's node reads the day: the state before any publish reached it.
        days.FishForMessage<BoardEnvelope>(e => e.Board == Day && e.Message is GetBoard); // past the default board's reads, which share the region
        days.Reply(new BoardView(true, [SlotState.Free(8), SlotState.Free(9)], 1, SlotVersions.None));
        Assert.Equal(1, watcher.ExpectMsg<SlotsUpdatePayload>().Version);

        // The publisher's node learns of the subscription by gossip; until then its publishes reach nobody. (The mediator
        // lists topics by their actor names, escaped.)
        var publisher = Mediator(_publisherNode);
        var topic = BoardTopic.Of(Day);
        await kit.AwaitAssertAsync(async () =>
            Assert.Contains(Uri.EscapeDataString(topic), (await publisher.Ask<CurrentTopics>(GetTopics.Instance, TimeSpan.FromSeconds(3))).Topics),
            TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100));

        var bookedAt = new DateTimeOffset(2026, 11, 26, 7, 5, 0, TimeSpan.Zero);
        publisher.Tell(BoardTopic.Publish(new BoardChanged([SlotState.Free(8), new SlotState(9, bookedAt)], bookedAt, 2, SlotVersions.None) { Board = Day }));
        var crossed = watcher.ExpectMsg<SlotsUpdatePayload>(TimeSpan.FromSeconds(10));
        Assert.Equal(2, crossed.Version);
        var json = Encoding.UTF8.GetString(crossed.Utf8.Span);
        Assert.Contains("\"calendar\":\"lab\",\"date\":\"2026-11-26\"", json);
        Assert.Contains("\"booked_slots\":[9]", json);

        // Version 3 never arrives; 4 does, and the watcher's node reads the day for what it may have missed.
        publisher.Tell(BoardTopic.Publish(new BoardChanged([new SlotState(8, bookedAt), new SlotState(9, bookedAt)], bookedAt, 4, SlotVersions.None) { Board = Day }));
        Assert.Equal(4, watcher.ExpectMsg<SlotsUpdatePayload>(TimeSpan.FromSeconds(10)).Version);
        days.FishForMessage<BoardEnvelope>(e => e.Board == Day && e.Message is GetBoard); // past the default board's reads, which share the region
        days.Reply(new BoardView(true, [SlotState.Free(8), new SlotState(9, bookedAt)], 5, SlotVersions.None));
        var fresh = watcher.ExpectMsg<SlotsUpdatePayload>();
        Assert.Equal(5, fresh.Version);
        Assert.Contains("\"booked_slots\":[9]", Encoding.UTF8.GetString(fresh.Utf8.Span));
    }

    private static async Task<IHost> StartNodeAsync(int port, string seed)
    {
        var node = new ClusterNodeOptions { Port = port, SeedNodes = [seed] };
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(ClusterNodeOptions.ActorSystemName, akka => akka
            .AddHocon("akka.loglevel = OFF", HoconAddMode.Prepend)
            .AddSlotCluster(node)
            .AddSlotBroadcasts());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static ActorSystem System(IHost host) => host.Services.GetRequiredService<ActorSystem>();

    private static IActorRef Mediator(IHost host) => host.Services.GetRequiredService<ActorRegistry>().Get<DistributedPubSub>();

    private static async Task BothUpAsync(TestKitBase kit, params ActorSystem[] nodes) =>
        await kit.AwaitAssertAsync(() => Assert.All(nodes, node =>
        {
            var members = Akka.Cluster.Cluster.Get(node).State.Members;
            Assert.Equal(nodes.Length, members.Count(m => m.Status == MemberStatus.Up));
        }), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));

    private sealed class ProbeSubscriber(IActorRef probe) : IBroadcastSubscriber
    {
        public void Offer(SlotsUpdatePayload update) => probe.Tell(update);
    }
}
