using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Accounts;
using SlotBooking.Actors.Limits;
using SlotBooking.Host.Auth;
using SlotBooking.Host.Cluster;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Persistence;

namespace SlotBooking.Tests.Cluster;

/// <summary>
/// A node with the cluster-wide services' shard regions (accounts, sign-in limits) and DistributedPubSub, wired by the
/// host's own extensions (<see cref="ServiceSharding"/>, <see cref="BroadcastSetup"/>), for specs: a cluster of one that joins itself, or a member of a cluster of several in
/// this process (<see cref="StartMember"/>). With a database file it also has the service's persistence (accounts need it).
/// </summary>
public sealed class ServiceNode : IDisposable
{
    private readonly IHost _host;

    private ServiceNode(IHost host, AuthOptions auth, SlotBookingOptions options)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Kit = new TestKit(System);
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        Accounts = registry.Get<AccountActor>();
        SignInLimits = registry.Get<SignInLimitActor>();
        Mediator = registry.Get<Akka.Cluster.Tools.PublishSubscribe.DistributedPubSub>();
        Throttle = new SignInThrottle(host.Services.GetRequiredService<IRequiredActor<SignInLimitActor>>(), Options.Create(auth), Options.Create(options));
    }

    public ActorSystem System { get; }
    public TestKit Kit { get; }
    public IActorRef Accounts { get; }
    public IActorRef SignInLimits { get; }

    /// <summary>The node's DistributedPubSub mediator.</summary>
    public IActorRef Mediator { get; }

    /// <summary>The host's throttle, asking this node's region.</summary>
    public SignInThrottle Throttle { get; }

    public static readonly AuthOptions DefaultLimits = new() { FailuresPerAddress = 5, FailuresPerAccount = 5, FailureWindow = TimeSpan.FromMinutes(1) };

    /// <summary>A cluster of one; accounts on <paramref name="databasePath"/> when given.</summary>
    public static ServiceNode Start(string? databasePath, TimeProvider clock, AccountSettings? accounts = null, AuthOptions? limits = null) =>
        Start(databasePath, clock, accounts, limits, new ClusterNodeOptions());

    /// <summary>A member of a cluster whose first seed is <paramref name="seed"/>, on <paramref name="port"/>.</summary>
    public static ServiceNode StartMember(int port, string seed, TimeProvider clock, string? databasePath = null) =>
        Start(databasePath, clock, null, null, new ClusterNodeOptions { Port = port, SeedNodes = [seed] });

    /// <summary>A member of a cluster whose nodes share one PostgreSQL database, as a deployment of several nodes does.</summary>
    public static ServiceNode StartMemberOnPostgreSql(int port, string seed, TimeProvider clock, string connectionString) =>
        Start(null, clock, null, null, new ClusterNodeOptions { Port = port, SeedNodes = [seed] }, connectionString);

    private static ServiceNode Start(string? databasePath, TimeProvider clock, AccountSettings? accounts, AuthOptions? limits, ClusterNodeOptions node,
        string? postgreSql = null)
    {
        var auth = limits ?? DefaultLimits;
        // A cluster forming on a busy machine: the first asks wait for the shard coordinator.
        var options = new SlotBookingOptions { AskTimeout = TimeSpan.FromSeconds(20) };
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (postgreSql is not null)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [StorageOptions.ProviderKey] = nameof(StorageProvider.PostgreSql),
                [StorageOptions.ConnectionStringKey] = postgreSql,
            });
        builder.Services.AddSlotBookingOptions();
        builder.Services.AddSlotStorage();
        if (databasePath is not null) builder.Services.Configure<SlotBookingOptions>(o => o.DatabasePath = databasePath);
        builder.Services.AddAkka(ClusterNodeOptions.ActorSystemName, (akka, services) =>
        {
            akka.AddHocon("akka.test.single-expect-default = 20s", HoconAddMode.Prepend).AddSlotCluster(node).AddSlotBroadcasts();
            if (databasePath is not null || postgreSql is not null) akka.AddSlotPersistence(services);
            akka.AddAccountSharding(accounts ?? new AccountSettings(TimeSpan.FromMinutes(5), clock), ClusterNodeOptions.DefaultShards)
                .AddSignInLimitSharding(new SignInLimitSettings(auth.FailuresPerAddress, auth.FailuresPerAccount, auth.FailureWindow, clock),
                    ClusterNodeOptions.DefaultShards);
        });
        var host = builder.Build();
        host.Start();
        return new ServiceNode(host, auth, options);
    }

    /// <summary>The entity ids <paramref name="region"/> runs on this node now.</summary>
    public IReadOnlySet<string> Running(IActorRef region)
    {
        var probe = Kit.CreateTestProbe();
        region.Tell(GetShardRegionState.Instance, probe.Ref);
        return probe.ExpectMsg<CurrentShardRegionState>().Shards.SelectMany(s => s.EntityIds).ToHashSet();
    }

    public void Dispose()
    {
        Kit.Dispose();
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }
}
