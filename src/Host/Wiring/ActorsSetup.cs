using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Broadcast;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;
using SlotBooking.Actors.Owners;
using SlotBooking.Actors.Slots;
using SlotBooking.Actors.Storage;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Http;
using SlotBooking.Host.Persistence;

namespace SlotBooking.Host.Wiring;

public static class ActorsSetup
{
    /// <summary>How long a lost publish of a board's last change may leave another node's watchers stale, at worst.</summary>
    private static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Starts the storage health, the bound on live day boards, the owners' index and the storage probe, and registers all
    /// but the probe for injection; then the calendar catalog (<see cref="CatalogSetup"/>). Boards and slots are sharded
    /// entities (<see cref="Cluster.ShardingSetup"/>), and so are accounts and sign-in limits (<see cref="Cluster.ServiceSharding"/>);
    /// the broadcaster, which reads boards through their region, starts after them (<see cref="AddSlotBroadcaster"/>).
    /// </summary>
    public static AkkaConfigurationBuilder AddSlotActors(this AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        var options = services.GetSlotBookingOptions();
        var clock = services.GetRequiredService<TimeProvider>();

        return akka
            .AddHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "akka.conf"), HoconAddMode.Prepend)
            .WithActors((system, _) =>
            {
                // Resolved here, when the actors start, so that an invalid calendar configuration is reported by the
                // options' start validation first. Boards and slots look their calendar up in it as it is when they
                // decide (an admin's change applies to those already running), through the actor system.
                CalendarLookup.Install(system, services.GetRequiredService<CalendarRegistry>());
            })
            .WithActors((system, registry) =>
            {
                var storageHealth = system.ActorOf(StorageHealthActor.Props(), "storage-health");
                registry.Register<StorageHealthActor>(storageHealth);
                // Saves a snapshot at intervals and tells the storage health whether storage works.
                system.ActorOf(StorageProbeActor.Props(storageHealth, options.StorageProbeInterval, clock), "storage-probe");
            })
            // The bound on live day boards on this node (boards themselves are sharded entities, see ShardingSetup).
            .WithActors((system, registry) => registry.Register<LiveDayBoards>(system.ActorOf(LiveDayBoards.Props(options.MaxLiveDays), "live-days")))
            // Answers commands that a shard region could not deliver.
            .WithActors((system, _) => system.ActorOf(UndeliveredCommandResponder.Props(), "undelivered-commands"))
            .WithActors((system, registry) =>
            {
                // The owners' "my bookings", read from the journal through the SQL plugin's read journal (on SQLite up to
                // what is stored when each read begins, without waiting for the read journal's poll).
                // Every node folds the journal itself, and hears every node's slots through the owned-slots topic (relayed
                // from this node's event stream by the relay).
                var mediator = registry.Get<Akka.Cluster.Tools.PublishSubscribe.DistributedPubSub>();
                var calendars = services.GetRequiredService<CalendarRegistry>();
                system.ActorOf(OwnedSlotRelay.Props(mediator), "owned-slot-relay");
                registry.Register<OwnerIndex>(system.ActorOf(OwnerIndex.Props(new OwnerBookingsSettings(
                    OwnerReadJournal.For(services.GetStorageOptions().Kind), options.SlotIdleTimeout, clock, calendars.Find), mediator), "owners"));
            })
            // The single writer of calendar changes, and each node's follower of it.
            .AddCalendarCatalog(services);
    }

    /// <summary>
    /// The node's broadcaster: it subscribes to the topics of the boards its sessions watch (boards publish their changes
    /// through DistributedPubSub), and reads a board through the boards' region when it may have missed a change. After
    /// the shard regions, since it reads through them.
    /// </summary>
    public static AkkaConfigurationBuilder AddSlotBroadcaster(this AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        var options = services.GetSlotBookingOptions();
        var clock = services.GetRequiredService<TimeProvider>();
        return akka.WithActors((system, registry) =>
        {
            var mediator = registry.Get<Akka.Cluster.Tools.PublishSubscribe.DistributedPubSub>();
            var boards = new Boards(registry.Get<BoardActor>(), registry.Get<SlotActor>(), CalendarLookup.For(system).Find);
            var broadcaster = system.ActorOf(BroadcasterActor.Props(mediator, boards, BroadcastSettingsOf(system, options, clock, services.GetStorageOptions().Kind)), "broadcaster");
            // A node that joins or comes back may have published changes this node missed: the broadcaster reads again.
            Akka.Cluster.Cluster.Get(system).Subscribe(broadcaster, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
                typeof(ClusterEvent.MemberUp), typeof(ClusterEvent.ReachableMember));
            registry.Register<BroadcasterActor>(broadcaster);
        });
    }

    /// <summary>
    /// The broadcaster reads a board with the routes' ask timeout, once more after a new subscription has had two of
    /// pub-sub's gossip rounds to reach every node, and every watched board every 30 s when other nodes may publish.
    /// </summary>
    private static BroadcastSettings BroadcastSettingsOf(ActorSystem system, SlotBookingOptions options, TimeProvider clock, StorageProvider storage) =>
        new(options.BroadcastInterval, clock)
        {
            ReadTimeout = options.AskTimeout,
            SubscriptionSpread = 2 * system.Settings.Config.GetTimeSpan("akka.cluster.pub-sub.gossip-interval", TimeSpan.FromSeconds(1)),
            // Boards on other nodes publish across the network, where pub-sub may lose one; on SQLite the node is alone.
            ResyncInterval = storage == StorageProvider.Sqlite ? null : ResyncInterval,
        };

    /// <summary>
    /// Akka's log goes to the host's logging at the host's level (<c>Logging:LogLevel:Akka</c>, else
    /// <c>Logging:LogLevel:Default</c>), so one configuration sets both.
    /// </summary>
    public static AkkaConfigurationBuilder AddHostLogging(this AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var level = configuration.GetValue<LogLevel?>("Logging:LogLevel:Akka")
                    ?? configuration.GetValue<LogLevel?>("Logging:LogLevel:Default")
                    ?? LogLevel.Information;
        return akka.ConfigureLoggers(loggers =>
        {
            loggers.LogLevel = level switch
            {
                LogLevel.Trace or LogLevel.Debug => Akka.Event.LogLevel.DebugLevel,
                LogLevel.Information => Akka.Event.LogLevel.InfoLevel,
                LogLevel.Warning => Akka.Event.LogLevel.WarningLevel,
                _ => Akka.Event.LogLevel.ErrorLevel,
            };
            loggers.ClearLoggers();
            loggers.AddLoggerFactory();
        });
    }
}
