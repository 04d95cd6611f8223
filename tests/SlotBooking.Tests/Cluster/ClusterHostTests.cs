using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlotBooking.Host;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Cluster;

/// <summary>The host as a cluster node: with nothing configured a cluster of one that is Up; refused at start when misconfigured.</summary>
public sealed class ClusterHostTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_default_server_is_a_cluster_of_one_on_127_0_0_1_at_a_free_port_up_and_healthy()
    {
        await using var host = await RunningHost.StartAsync(_database.Path);

        var response = await host.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        var cluster = health.GetProperty("cluster");
        var self = cluster.GetProperty("self_address").GetString()!;
        Assert.Matches(@"^akka\.tcp://slot-booking@127\.0\.0\.1:[1-9][0-9]*$", self);
        Assert.Equal("up", cluster.GetProperty("member_status").GetString());
        var member = Assert.Single(cluster.GetProperty("members").EnumerateArray());
        Assert.Equal((self, "up"), (member.GetProperty("address").GetString(), member.GetProperty("status").GetString()));
        Assert.Empty(cluster.GetProperty("unreachable").EnumerateArray());

        var stats = await host.Http.GetFromJsonAsync<JsonElement>("/stats");
        Assert.Equal(self, stats.GetProperty("cluster").GetProperty("self_address").GetString());
        Assert.Equal("up", stats.GetProperty("cluster").GetProperty("member_status").GetString());
    }

    [Fact]
    public async Task On_sqlite_the_ticks_that_serve_only_other_members_are_slowed_and_the_leaders_tick_is_not()
    {
        await using var host = await RunningHost.StartAsync(_database.Path);

        var config = host.Services.GetRequiredService<ActorSystem>().Settings.Config;
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("akka.cluster.gossip-interval"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("akka.cluster.pub-sub.gossip-interval"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("akka.cluster.sharding.distributed-data.gossip-interval"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("akka.remote.watch-failure-detector.heartbeat-interval"));
        // Start (Joining to Up) and leave at shutdown wait for it.
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("akka.cluster.leader-actions-interval"));
        // The boards' region still answers on such a node.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/slots")).StatusCode);
    }

    [Fact]
    public async Task Its_own_address_as_the_only_seed_node_is_a_cluster_of_one_on_that_port()
    {
        var port = LoopbackPort.Free();
        var self = $"akka.tcp://slot-booking@127.0.0.1:{port}";

        await using var host = await RunningHost.StartAsync(_database.Path,
            "--SlotBooking:Cluster:Enabled=true", $"--SlotBooking:Cluster:Port={port}", $"--SlotBooking:Cluster:SeedNodes:0={self}");

        var health = await host.Http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal(self, health.GetProperty("cluster").GetProperty("self_address").GetString());
        Assert.Equal("up", health.GetProperty("cluster").GetProperty("member_status").GetString());
    }

    [Fact]
    public async Task Another_node_as_seed_on_sqlite_stops_the_start_saying_why()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(
            "--SlotBooking:Cluster:Port=4053",
            "--SlotBooking:Cluster:SeedNodes:0=akka.tcp://slot-booking@127.0.0.1:4054"));

        Assert.Contains("SlotBooking:Cluster:SeedNodes: names other nodes (akka.tcp://slot-booking@127.0.0.1:4054)", failure.Message);
        Assert.Contains("one SQLite file cannot be shared by several nodes", failure.Message);
    }

    [Fact]
    public async Task A_port_that_is_not_a_number_stops_the_start_naming_its_key()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync("--SlotBooking:Cluster:Port=abc"));

        Assert.Contains("SlotBooking:Cluster:Port", failure.Message);
    }

    private async Task StartAsync(params string[] extraArgs)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--SlotBooking:DatabasePath={_database.Path}",
            "--Logging:LogLevel:Default=None",
            .. extraArgs,
        ];
        await using var app = SlotBookingApp.Create(args);
        await app.StartAsync();
    }
}
