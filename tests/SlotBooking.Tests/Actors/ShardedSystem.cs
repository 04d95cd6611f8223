using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Slots;
using SlotBooking.Actors.Storage;
using SlotBooking.Host.Cluster;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Persistence;

namespace SlotBooking.Tests.Actors;

/// <summary>
/// A one-node cluster with the service's persistence and its real board and slot shard regions, wired by the host's
/// own extensions, for actor specs. The pub-sub mediator and the storage health are stand-ins that publish what they are told
/// (for the mediator, what is published) to the event stream (<see cref="Subscribe{T}"/>); the bound on live days is the real one.
/// </summary>
public sealed class ShardedSystem : IDisposable
{
    private readonly IHost _host;

    private ShardedSystem(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Kit = new TestKit(System);
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        Boards = registry.Get<BoardActor>();
        Slots = registry.Get<SlotActor>();
        LiveDays = registry.Get<LiveDayBoards>();
    }

    public ActorSystem System { get; }
    public TestKit Kit { get; }

    /// <summary>The boards' region: tell it <see cref="BoardEnvelope"/>s.</summary>
    public IActorRef Boards { get; }

    /// <summary>The slots' region.</summary>
    public IActorRef Slots { get; }

    public IActorRef LiveDays { get; }

    /// <summary>What sessions and routes send through: both regions, and the calendars the system looks up.</summary>
    public Boards Routes => new(Boards, Slots, CalendarLookup.For(System).Find);

    /// <param name="calendars">Where boards and slots look calendars up; the default (3-14) and the lab by default.</param>
    public static ShardedSystem Start(string databasePath, SlotActorSettings settings, CalendarRegistry? calendars = null, int maxLiveDays = LiveDayBoards.DefaultMaxLiveDays)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSlotBookingOptions();
        builder.Services.AddSlotStorage();
        builder.Services.Configure<SlotBookingOptions>(o => o.DatabasePath = databasePath);
        builder.Services.AddAkka(ClusterNodeOptions.ActorSystemName, (akka, services) => akka
            .AddHocon("akka.test.single-expect-default = 15s", HoconAddMode.Prepend)
            .AddSlotCluster(new ClusterNodeOptions())
            .AddSlotPersistence(services)
            .WithActors((system, registry) =>
            {
                CalendarLookup.Install(system, calendars ?? new CalendarRegistry(LabDay.Default, [LabDay.Lab]));
                registry.Register<StorageHealthActor>(system.ActorOf(Props.Create(() => new ToEventStream()), "storage-health"));
                // Boards publish through the DistributedPubSub mediator: the stand-in puts what is published on the event stream.
                registry.Register<DistributedPubSub>(system.ActorOf(Props.Create(() => new ToEventStream()), "mediator"));
                registry.Register<LiveDayBoards>(system.ActorOf(LiveDayBoards.Props(maxLiveDays), "live-days"));
            })
            .AddSlotSharding(settings, ClusterNodeOptions.DefaultShards));
        var host = builder.Build();
        host.Start();
        return new ShardedSystem(host);
    }

    /// <summary>A probe that receives every <typeparamref name="T"/> the stand-ins are told from now on.</summary>
    public TestProbe Subscribe<T>()
    {
        var probe = Kit.CreateTestProbe();
        System.EventStream.Subscribe(probe.Ref, typeof(T));
        return probe;
    }

    /// <summary>Tells the board <paramref name="key"/> a message, as a session does.</summary>
    public void Tell(BoardKey key, object message, IActorRef sender) => Boards.Tell(new BoardEnvelope(key, message), sender);

    /// <summary>The entity ids of the slots alive on this node now.</summary>
    public IReadOnlySet<string> RunningSlots() => Running(Slots);

    /// <summary>The entity ids of the boards alive on this node now.</summary>
    public IReadOnlySet<string> RunningBoards() => Running(Boards);

    private IReadOnlySet<string> Running(IActorRef region)
    {
        region.Tell(GetShardRegionState.Instance, Kit.TestActor);
        return Kit.ExpectMsg<CurrentShardRegionState>().Shards.SelectMany(s => s.EntityIds).ToHashSet();
    }

    public void Dispose()
    {
        Kit.Dispose();
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    private sealed class ToEventStream : ReceiveActor
    {
        public ToEventStream() => ReceiveAny(m =>
        {
            // A publish is put on the stream whole (its topic) and as what it carries.
            Context.System.EventStream.Publish(m);
            if (m is Publish publish) Context.System.EventStream.Publish(publish.Message);
        });
    }
}
