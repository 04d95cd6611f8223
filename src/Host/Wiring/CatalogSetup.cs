using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using SlotBooking.Actors.Board;
using SlotBooking.Actors.Calendars;
using SlotBooking.Actors.Catalog;
using SlotBooking.Actors.Serialization;
using SlotBooking.Actors.Storage;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Http;

namespace SlotBooking.Host.Wiring;

public static class CatalogSetup
{
    /// <summary>
    /// How often each node reads the catalog's whole view besides the occasions that call for it (see
    /// <see cref="CatalogFollower"/>): the longest a node can miss a change whose publication was lost.
    /// </summary>
    public static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The calendar catalog as a cluster singleton (one writer of its journal in the cluster), restarted after a
    /// back-off when it fails and stopped on hand-over by its own <see cref="StopCatalog"/>, never mid-write; the
    /// registry's <see cref="CalendarCatalog"/> is its proxy, so the routes reach it from any node. And on every node
    /// a <see cref="CatalogFollower"/>, registered, that keeps the node's calendar registry equal to the catalog's view.
    /// After the storage health and the DistributedPubSub mediator, which both use.
    /// </summary>
    public static AkkaConfigurationBuilder AddCalendarCatalog(this AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        // Made when the actors start (so that an invalid calendar configuration is reported by the options' start
        // validation first), once: the catalog, on the node that runs it, and the follower feed the same mirror.
        var mirror = new Lazy<CatalogMirror>(() => new CatalogMirror(services.GetRequiredService<CalendarRegistry>()));
        return akka
            .WithCustomSerializer("catalog-messages", CatalogMessageSerializer.BoundTypes, system => new CatalogMessageSerializer(system))
            .WithSingleton<CalendarCatalog>("calendar-catalog",
                (_, registry, _) => CatalogProps(services, mirror.Value, registry),
                new ClusterSingletonOptions
                {
                    TerminationMessage = StopCatalog.Instance,
                    // The proxy looks for the catalog at this interval until it finds it; the start waits for that.
                    SingletonIdentificationInterval = TimeSpan.FromMilliseconds(200),
                    // The proxy's failure warning fired within seconds of every node's start here, saying "after 30 seconds"
                    // (its timer starts with no initial delay). A catalog that is really not found fails the start instead
                    // (CatalogReadiness).
                    LogSingletonIdentificationFailure = false,
                },
                createProxyToo: true)
            .WithActors((system, registry) =>
            {
                var follower = system.ActorOf(
                    CatalogFollower.Props(mirror.Value, registry.Get<DistributedPubSub>(), registry.Get<CalendarCatalog>(), ReadEvery,
                        2 * system.Settings.Config.GetTimeSpan("akka.cluster.pub-sub.gossip-interval", TimeSpan.FromSeconds(1))),
                    "calendar-follower");
                Akka.Cluster.Cluster.Get(system).Subscribe(follower, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
                    typeof(ClusterEvent.MemberUp));
                registry.Register<CatalogFollower>(follower);
            });
    }

    /// <summary>Made on each node, used on the one that runs the singleton: what it reads days with stays there.</summary>
    private static Props CatalogProps(IServiceProvider services, CatalogMirror mirror, IActorRegistry registry)
    {
        var boardReader = services.GetRequiredService<BoardReader>();
        return CalendarCatalog.SupervisedProps(mirror, services.GetRequiredService<ConfiguredCalendars>().Others,
            (calendarId, date, ct) => boardReader.ReadAsync(new BoardKey(calendarId, date), ct),
            services.GetRequiredService<TimeProvider>(), registry.Get<StorageHealthActor>(), registry.Get<DistributedPubSub>());
    }
}
