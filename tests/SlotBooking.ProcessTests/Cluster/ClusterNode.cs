using System.Net.Http.Json;
using System.Text.Json;
using SlotBooking.ProcessTests.Hosting;

namespace SlotBooking.ProcessTests.Cluster;

/// <summary>One node of a test cluster: a host process with a fixed remoting port, and its view of the cluster.</summary>
public sealed class ClusterNode(string name, int remotingPort)
{
    public string Name => name;
    public int RemotingPort => remotingPort;
    public string Address => $"akka.tcp://slot-booking@127.0.0.1:{remotingPort}";
    public HostProcess? Process { get; set; }

    public HostProcess Host => Process ?? throw new InvalidOperationException($"{name} is not running");

    /// <summary>The command-line settings that put this node on 127.0.0.1 at its port, joining <paramref name="seed"/>.</summary>
    public string[] ClusterArgs(ClusterNode seed) =>
    [
        "--SlotBooking:Cluster:Hostname=127.0.0.1",
        $"--SlotBooking:Cluster:Port={remotingPort}",
        $"--SlotBooking:Cluster:SeedNodes:0={seed.Address}",
    ];

    /// <summary>
    /// The same, joining any of <paramref name="seeds"/>: with every node listed, any one of them (the first included) can
    /// restart and rejoin the others, where a first seed listed alone would form a new cluster of its own.
    /// </summary>
    public string[] ClusterArgs(IReadOnlyList<ClusterNode> seeds) =>
    [
        "--SlotBooking:Cluster:Hostname=127.0.0.1",
        $"--SlotBooking:Cluster:Port={remotingPort}",
        .. seeds.Select((seed, i) => $"--SlotBooking:Cluster:SeedNodes:{i}={seed.Address}"),
    ];

    /// <summary>The members this node sees as <c>up</c>, and those it cannot reach, from <c>/stats</c>.</summary>
    public async Task<(IReadOnlySet<string> Up, IReadOnlySet<string> Unreachable)> ViewAsync()
    {
        using var stats = await Host.Http.GetFromJsonAsync<JsonDocument>("/stats")
                          ?? throw new InvalidOperationException($"{name}: /stats was empty");
        var cluster = stats.RootElement.GetProperty("cluster");
        var up = cluster.GetProperty("members").EnumerateArray()
            .Where(m => m.GetProperty("status").GetString() == "up")
            .Select(m => m.GetProperty("address").GetString()!)
            .ToHashSet();
        var unreachable = cluster.GetProperty("unreachable").EnumerateArray().Select(a => a.GetString()!).ToHashSet();
        return (up, unreachable);
    }
}
