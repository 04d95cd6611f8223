using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Limits;
using SlotBooking.Host.Cluster;

namespace SlotBooking.Tests.Cluster;

/// <summary>
/// The attack the cluster-wide sign-in limits stop: guesses spread over two nodes of one cluster (two actor systems in
/// this process on 127.0.0.1, each with the limits' region as the host wires it) count against one budget, where limits
/// kept in each node's memory would give every node its own.
/// </summary>
public sealed class SignInLimitClusterTests : IAsyncLifetime
{
    private const string Victim = "VICTIM@EXAMPLE.ORG";
    private readonly FakeTimeProvider _clock = new();
    private ServiceNode _first = null!;
    private ServiceNode _second = null!;

    public async Task InitializeAsync()
    {
        var (firstPort, secondPort) = (LoopbackPort.Free(), LoopbackPort.Free());
        var seed = $"akka.tcp://{ClusterNodeOptions.ActorSystemName}@127.0.0.1:{firstPort}";
        _first = ServiceNode.StartMember(firstPort, seed, _clock);
        _second = ServiceNode.StartMember(secondPort, seed, _clock);
        await BothUpAsync();
    }

    public Task DisposeAsync()
    {
        _second.Dispose();
        _first.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Failures_from_one_address_through_two_nodes_count_together()
    {
        var none = CancellationToken.None;
        // Five failures, alternating nodes: three through the first, two through the second.
        for (var i = 0; i < 5; i++)
        {
            var node = i % 2 == 0 ? _first : _second;
            Assert.False(await node.Throttle.IsRefusedAsync("203.0.113.7", Victim, none), $"refused before failure {i + 1}");
            await node.Throttle.RecordFailureAsync("203.0.113.7", Victim, none);
        }

        // Per node, neither has seen five; together they have.
        Assert.True(await _first.Throttle.IsRefusedAsync("203.0.113.7", Victim, none));
        Assert.True(await _second.Throttle.IsRefusedAsync("203.0.113.7", "OTHER@EXAMPLE.ORG", none));
        // A stranger's failures refuse nobody else.
        Assert.False(await _second.Throttle.IsRefusedAsync("198.51.100.1", Victim, none));

        // Time from the injected clock: once the failures slide out, the address is let in through either node.
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await _second.Throttle.IsRefusedAsync("203.0.113.7", Victim, none));
    }

    [Fact]
    public async Task An_accounts_budget_spent_from_addresses_on_two_nodes_refuses_them_on_either()
    {
        var none = CancellationToken.None;
        for (var i = 1; i <= 5; i++)
        {
            var node = i % 2 == 0 ? _second : _first;
            await node.Throttle.RecordFailureAsync($"203.0.113.{i}", Victim, none);
        }

        // Address 1 failed through the first node; the account's budget was spent through both.
        Assert.True(await _second.Throttle.IsRefusedAsync("203.0.113.1", Victim, none));
        Assert.True(await _first.Throttle.IsRefusedAsync("203.0.113.2", Victim, none));
        Assert.False(await _second.Throttle.IsRefusedAsync("203.0.113.99", Victim, none));
    }

    [Fact]
    public async Task Each_limit_runs_as_one_entity_in_the_cluster()
    {
        var none = CancellationToken.None;
        await _first.Throttle.RecordFailureAsync("203.0.113.7", Victim, none);
        await _second.Throttle.RecordFailureAsync("203.0.113.7", Victim, none);

        var ids = new[] { SignInLimitKeys.OfAddress("203.0.113.7"), SignInLimitKeys.OfAccount(Victim) };
        var onFirst = _first.Running(_first.SignInLimits);
        var onSecond = _second.Running(_second.SignInLimits);
        Assert.All(ids, id => Assert.True(onFirst.Contains(id) ^ onSecond.Contains(id), $"{id} runs on {(onFirst.Contains(id) ? "both nodes" : "neither node")}"));
    }

    private async Task BothUpAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        bool Up(ActorSystem system) =>
            Akka.Cluster.Cluster.Get(system).State.Members.Count(m => m.Status == MemberStatus.Up) == 2;
        while (!(Up(_first.System) && Up(_second.System)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the two nodes did not form a cluster in 30 s");
            await Task.Delay(50);
        }
    }
}
