using Microsoft.Extensions.Configuration;
using SlotBooking.Host.Cluster;

namespace SlotBooking.Tests.Cluster;

/// <summary>
/// <c>SlotBooking:Cluster</c> read and checked as the host does on start: bound by the configuration binder from
/// the same keys, then <see cref="ClusterNodeValidation"/>. Each refusal names its key.
/// </summary>
public sealed class ClusterNodeValidationTests
{
    private const string Seed = "akka.tcp://slot-booking@127.0.0.1:4053";
    private const string OtherSeed = "akka.tcp://slot-booking@127.0.0.1:4054";

    [Fact]
    public void Nothing_configured_is_a_node_of_its_own_on_127_0_0_1_at_a_free_port()
    {
        var (options, errors) = Check();

        Assert.Empty(errors);
        Assert.Equal("127.0.0.1", options.Hostname);
        Assert.Equal(0, options.Port);
        Assert.True(options.JoinsItself);
        Assert.Equal(50, options.Shards);
    }

    [Fact]
    public void Seed_nodes_with_a_fixed_port_on_a_shared_store_are_a_node_of_a_cluster()
    {
        var (options, errors) = Check(
            ("Port", "4054"), ("SeedNodes:0", Seed), ("SeedNodes:1", OtherSeed), ("Enabled", "true"),
            (ClusterNodeOptions.StorageProviderKey, "PostgreSql"));

        Assert.Empty(errors);
        Assert.False(options.JoinsItself);
        Assert.Equal([Seed, OtherSeed], options.SeedNodes);
    }

    [Theory]
    [InlineData("Port", "65536", "SlotBooking:Cluster:Port: 65536 is not a port")]
    [InlineData("Port", "-1", "SlotBooking:Cluster:Port: -1 is not a port")]
    [InlineData("Hostname", "", "SlotBooking:Cluster:Hostname: required")]
    [InlineData("Hostname", "localhost", "SlotBooking:Cluster:Hostname: write 127.0.0.1 rather than 'localhost'")]
    [InlineData("Hostname", "not a host", "SlotBooking:Cluster:Hostname: 'not a host' is not a host name or an IP address")]
    [InlineData("Hostname", "0.0.0.0", "SlotBooking:Cluster:Hostname: '0.0.0.0' means every interface")]
    [InlineData("Shards", "0", "SlotBooking:Cluster:Shards: 0 shards is outside 1-10000")]
    [InlineData("Shards", "10001", "SlotBooking:Cluster:Shards: 10001 shards is outside 1-10000")]
    [InlineData("Enabled", "true", "SlotBooking:Cluster:SeedNodes: required when SlotBooking:Cluster:Enabled is true")]
    [InlineData("SeedNode:0", Seed, "SlotBooking:Cluster:SeedNode: not a cluster setting")]
    [InlineData("SeedNodes", Seed, "SlotBooking:Cluster:SeedNodes: give the seed nodes as a list")]
    public void A_bad_value_is_refused_naming_its_key(string setting, string value, string expected)
    {
        var (_, errors) = Check((setting, value));

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not an address", "'not an address' is not an Akka address")]
    [InlineData("akka.tcp://other@127.0.0.1:4053", "names the actor system 'other'; every node's is 'slot-booking'")]
    [InlineData("akka.udp://slot-booking@127.0.0.1:4053", "uses the protocol 'akka.udp'")]
    [InlineData("akka.tcp://slot-booking@127.0.0.1", "has no host and port")]
    [InlineData("akka.tcp://slot-booking@localhost:4053", "write 127.0.0.1 rather than 'localhost'")]
    public void A_bad_seed_node_is_refused_naming_its_item(string seed, string expected)
    {
        var (_, errors) = Check(("Port", "4054"), ("SeedNodes:0", Seed), ("SeedNodes:1", seed), (ClusterNodeOptions.StorageProviderKey, "PostgreSql"));

        var error = Assert.Single(errors);
        Assert.StartsWith("SlotBooking:Cluster:SeedNodes:1: ", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Seed_nodes_need_a_fixed_port()
    {
        var (_, errors) = Check(("SeedNodes:0", Seed), (ClusterNodeOptions.StorageProviderKey, "PostgreSql"));

        Assert.StartsWith("SlotBooking:Cluster:Port: required with seed nodes", Assert.Single(errors));
    }

    [Fact]
    public void Enabled_false_with_seed_nodes_is_a_contradiction()
    {
        var (_, errors) = Check(("Enabled", "false"), ("Port", "4053"), ("SeedNodes:0", Seed));

        Assert.StartsWith("SlotBooking:Cluster:Enabled: false, but SlotBooking:Cluster:SeedNodes are given", Assert.Single(errors));
    }

    [Fact]
    public void Seed_nodes_numbered_with_a_gap_are_refused()
    {
        var (_, errors) = Check(("Port", "4053"), ("SeedNodes:0", Seed), ("SeedNodes:2", Seed));

        Assert.Contains("SlotBooking:Cluster:SeedNodes: number the seed nodes 0, 1, 2... without gaps (found 0, 2)", errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Sqlite")]
    [InlineData("sqlite")]
    public void Another_node_among_the_seeds_is_refused_on_sqlite(string? provider)
    {
        (string, string)[] settings = [("Port", "4053"), ("SeedNodes:0", Seed), ("SeedNodes:1", OtherSeed)];
        var (_, errors) = provider is null ? Check(settings) : Check([.. settings, (ClusterNodeOptions.StorageProviderKey, provider)]);

        var error = Assert.Single(errors);
        Assert.StartsWith($"SlotBooking:Cluster:SeedNodes: names other nodes ({OtherSeed}), but SlotBooking:Storage:Provider is Sqlite", error);
        Assert.Contains("one SQLite file cannot be shared by several nodes", error);
    }

    [Fact]
    public void Only_its_own_address_as_seed_is_a_cluster_of_one_and_runs_on_sqlite()
    {
        var (options, errors) = Check(("Port", "4053"), ("SeedNodes:0", Seed), ("Enabled", "true"));

        Assert.Empty(errors);
        Assert.Equal(Seed, options.SelfAddress);
    }

    [Fact]
    public void Every_error_is_listed_at_once()
    {
        var (_, errors) = Check(("Hostname", "localhost"), ("Port", "70000"), ("SeedNodes:0", "akka.tcp://other@127.0.0.1:1"), ("Enabled", "false"));

        Assert.Contains(errors, e => e.StartsWith("SlotBooking:Cluster:Hostname: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("SlotBooking:Cluster:Port: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("SlotBooking:Cluster:SeedNodes:0: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("SlotBooking:Cluster:Enabled: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Port", "abc")]
    [InlineData("Enabled", "yes")]
    public void A_value_the_binder_cannot_convert_names_its_key(string setting, string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Check((setting, value)));

        Assert.Contains($"SlotBooking:Cluster:{setting}", failure.Message);
    }

    /// <summary>Settings under <c>SlotBooking:Cluster</c> unless the key already has a colon-separated section of its own.</summary>
    private static (ClusterNodeOptions Options, IReadOnlyList<string> Errors) Check(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(
                s.Key.StartsWith("SlotBooking:", StringComparison.Ordinal) ? s.Key : $"{ClusterNodeOptions.Section}:{s.Key}", s.Value)))
            .Build();
        var options = new ClusterNodeOptions();
        configuration.GetSection(ClusterNodeOptions.Section).Bind(options);
        var result = new ClusterNodeValidation(configuration).Validate(null, options);
        return (options, result.Failed ? result.Failures.ToArray() : []);
    }
}
