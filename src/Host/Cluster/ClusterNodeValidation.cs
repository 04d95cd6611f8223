using System.Net;
using Akka.Actor;
using Microsoft.Extensions.Options;

namespace SlotBooking.Host.Cluster;

/// <summary>
/// Checks <see cref="ClusterNodeOptions"/> on start. Every error is reported, each as "key: problem", so one failed
/// start lists everything to fix. A value the binder cannot convert (<c>Port=abc</c>) is refused by the binder itself,
/// with a message naming its key, before this runs.
/// </summary>
public sealed class ClusterNodeValidation(IConfiguration configuration) : IValidateOptions<ClusterNodeOptions>
{
    private static readonly string[] Settings =
    [
        nameof(ClusterNodeOptions.Hostname), nameof(ClusterNodeOptions.Port),
        nameof(ClusterNodeOptions.SeedNodes), nameof(ClusterNodeOptions.Enabled), nameof(ClusterNodeOptions.Shards),
    ];

    private const string ExampleSeed = $"{ClusterNodeOptions.Protocol}://{ClusterNodeOptions.ActorSystemName}@127.0.0.1:4053";

    public ValidateOptionsResult Validate(string? name, ClusterNodeOptions options)
    {
        var errors = new List<string>();
        UnknownSettings(errors);
        Hostname(options.Hostname, ClusterNodeOptions.HostnameKey, errors);
        Port(options, errors);
        var seeds = SeedNodes(options, errors);
        Enabled(options, errors);
        if (options.Shards is < 1 or > ClusterNodeOptions.MaxShards)
            errors.Add($"{ClusterNodeOptions.ShardsKey}: {options.Shards} shards is outside 1-{ClusterNodeOptions.MaxShards}; every node must have the same value, and it must never change while the cluster runs");
        SharedStorage(options, seeds, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>A misspelt setting (<c>SeedNode</c>) would otherwise leave a node quietly alone.</summary>
    private void UnknownSettings(List<string> errors)
    {
        foreach (var setting in configuration.GetSection(ClusterNodeOptions.Section).GetChildren())
        {
            if (!Settings.Contains(setting.Key, StringComparer.OrdinalIgnoreCase))
                errors.Add($"{setting.Path}: not a cluster setting; the settings are {string.Join(", ", Settings)}");
        }
        var seeds = configuration.GetSection(ClusterNodeOptions.SeedNodesKey);
        // A single value where a list is expected is dropped by the binder, which would start a node of its own.
        if (seeds.Value is not null)
            errors.Add($"{seeds.Path}: give the seed nodes as a list, {seeds.Path}:0={ExampleSeed}, {seeds.Path}:1=...");
        var keys = seeds.GetChildren().Select(c => c.Key).ToArray();
        if (!keys.SequenceEqual(Enumerable.Range(0, keys.Length).Select(i => i.ToString())))
            errors.Add($"{seeds.Path}: number the seed nodes 0, 1, 2... without gaps (found {string.Join(", ", keys)})");
    }

    private static void Hostname(string? hostname, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(hostname))
            errors.Add($"{key}: required: the address other nodes reach this one at, e.g. 127.0.0.1");
        else if (hostname.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            errors.Add($"{key}: write 127.0.0.1 rather than 'localhost': Akka compares node addresses as written, and a node known by both names never joins");
        else if (Uri.CheckHostName(hostname) == UriHostNameType.Unknown)
            errors.Add($"{key}: '{hostname}' is not a host name or an IP address");
        else if (IPAddress.TryParse(hostname, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
            errors.Add($"{key}: '{hostname}' means every interface, which no other node can reach this one at; give this node's own address");
    }

    private static void Port(ClusterNodeOptions options, List<string> errors)
    {
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
            errors.Add($"{ClusterNodeOptions.PortKey}: {options.Port} is not a port (1-65535, or 0 for a free one)");
        else if (options.Port == 0 && !options.JoinsItself)
            errors.Add($"{ClusterNodeOptions.PortKey}: required with seed nodes: the other nodes, and this one after a restart, find it at a fixed address");
    }

    /// <summary>The seed nodes that could be read, for the checks that compare them with this node.</summary>
    private static List<Address> SeedNodes(ClusterNodeOptions options, List<string> errors)
    {
        var seeds = new List<Address>();
        for (var i = 0; i < options.SeedNodes.Length; i++)
        {
            var key = $"{ClusterNodeOptions.SeedNodesKey}:{i}";
            var text = options.SeedNodes[i];
            Address address;
            try
            {
                address = Address.Parse(text);
            }
            catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException)
            {
                errors.Add($"{key}: '{text}' is not an Akka address such as {ExampleSeed}");
                continue;
            }
            var before = errors.Count;
            if (address.Protocol != ClusterNodeOptions.Protocol)
                errors.Add($"{key}: '{text}' uses the protocol '{address.Protocol}'; nodes speak {ClusterNodeOptions.Protocol}");
            if (address.System != ClusterNodeOptions.ActorSystemName)
                errors.Add($"{key}: '{text}' names the actor system '{address.System}'; every node's is '{ClusterNodeOptions.ActorSystemName}'");
            if (address.Host is null || address.Port is not (> 0 and <= IPEndPoint.MaxPort))
                errors.Add($"{key}: '{text}' has no host and port; write it as {ExampleSeed}");
            else
                Hostname(address.Host, key, errors);
            if (errors.Count == before) seeds.Add(address);
        }
        return seeds;
    }

    private static void Enabled(ClusterNodeOptions options, List<string> errors)
    {
        if (options.Enabled == true && options.JoinsItself)
            errors.Add($"{ClusterNodeOptions.SeedNodesKey}: required when {ClusterNodeOptions.EnabledKey} is true: the nodes to join, e.g. {ClusterNodeOptions.SeedNodesKey}:0={ExampleSeed}");
        if (options.Enabled == false && !options.JoinsItself)
            errors.Add($"{ClusterNodeOptions.EnabledKey}: false, but {ClusterNodeOptions.SeedNodesKey} are given; remove one or the other");
    }

    /// <summary>
    /// Nodes that each wrote to their own SQLite file would each decide the same slots alone: a multi-node cluster
    /// needs a store they share.
    /// </summary>
    private void SharedStorage(ClusterNodeOptions options, List<Address> seeds, List<string> errors)
    {
        var provider = configuration[ClusterNodeOptions.StorageProviderKey];
        var onSqlite = string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);
        var others = seeds.Where(seed => !IsSelf(seed, options)).ToArray();
        if (onSqlite && others.Length > 0)
            errors.Add(
                $"{ClusterNodeOptions.SeedNodesKey}: names other nodes ({string.Join(", ", others.Select(a => a.ToString()))}), but " +
                $"{ClusterNodeOptions.StorageProviderKey} is Sqlite{(string.IsNullOrWhiteSpace(provider) ? " (the default)" : "")}: " +
                "one SQLite file cannot be shared by several nodes; give the nodes a shared store, or list only this node's own address");
    }

    private static bool IsSelf(Address seed, ClusterNodeOptions options) =>
        string.Equals(seed.Host, options.Hostname, StringComparison.OrdinalIgnoreCase) && seed.Port == options.Port;
}
