using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlotBooking.Host.Configuration;
using SlotBooking.Host.Http;

namespace SlotBooking.Host.Cluster;

public static class ClusterSetup
{
    /// <summary>Binds <c>SlotBooking:Cluster</c>, refuses to start when it is invalid, and reads the membership for health and stats.</summary>
    public static IServiceCollection AddSlotCluster(this IServiceCollection services)
    {
        services.AddOptions<ClusterNodeOptions>()
            .BindConfiguration(ClusterNodeOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterNodeOptions>, ClusterNodeValidation>());
        services.AddSingleton<ClusterMembership>();
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>(HealthEndpoint.ClusterCheck);
        return services;
    }

    /// <summary>
    /// Akka.Remote and Akka.Cluster on the configured address, with the split-brain resolver (keep-majority; its
    /// timings in hocon/cluster.conf). Without seed nodes the node joins itself as soon as the actor system runs. On
    /// SQLite the node is alone by construction (it refuses other seed nodes), and ticks that serve only other members
    /// are slowed down (hocon/cluster-alone.conf).
    /// </summary>
    public static AkkaConfigurationBuilder AddSlotCluster(this AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        akka.AddSlotCluster(services.GetRequiredService<IOptions<ClusterNodeOptions>>().Value);
        return services.GetStorageOptions().Kind == StorageProvider.Sqlite
            ? akka.AddHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "cluster-alone.conf"), HoconAddMode.Prepend)
            : akka;
    }

    /// <summary>The same wiring from options alone, for a test that forms a cluster without the rest of the host.</summary>
    public static AkkaConfigurationBuilder AddSlotCluster(this AkkaConfigurationBuilder akka, ClusterNodeOptions node)
    {
        akka.AddHoconFile(Path.Combine(AppContext.BaseDirectory, "hocon", "cluster.conf"), HoconAddMode.Prepend)
            .WithRemoting(node.Hostname, node.Port)
            .WithClustering(new ClusterOptions
            {
                SeedNodes = node.SeedNodes,
                SplitBrainResolver = new KeepMajorityOption(),
            });
        if (!node.JoinsItself) return akka;
        // Before any other actor starts, so that what later needs the cluster (sharding) finds it forming.
        return akka.WithActors((system, _) =>
        {
            var cluster = Akka.Cluster.Cluster.Get(system);
            cluster.Join(cluster.SelfAddress);
        });
    }
}
