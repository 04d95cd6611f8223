using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Accounts;
using SlotBooking.Host.Cluster;
using SlotBooking.Tests.Cluster;
using SlotBooking.TestSupport.PostgreSql;

namespace SlotBooking.Tests.PostgreSql;

/// <summary>
/// Accounts on two nodes of one cluster sharing one PostgreSQL journal, as a deployment of several nodes runs: an
/// account registered through one node is found through the other, registrations racing through both create it once,
/// and its entity (the one writer of its journal) runs on one node only.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class AccountsAcrossNodesTests(PostgreSqlFixture postgres) : IAsyncLifetime
{
    private ServiceNode _first = null!;
    private ServiceNode _second = null!;

    public async Task InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        var (firstPort, secondPort) = (LoopbackPort.Free(), LoopbackPort.Free());
        var seed = $"akka.tcp://{ClusterNodeOptions.ActorSystemName}@127.0.0.1:{firstPort}";
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        _first = ServiceNode.StartMemberOnPostgreSql(firstPort, seed, clock, database.ConnectionString);
        _second = ServiceNode.StartMemberOnPostgreSql(secondPort, seed, clock, database.ConnectionString);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!new[] { _first, _second }.All(n => Akka.Cluster.Cluster.Get(n.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 2))
        {
            Assert.True(DateTime.UtcNow < deadline, "the two nodes did not form a cluster in 30 s");
            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        _second.Dispose();
        _first.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void An_account_registered_through_one_node_is_found_through_the_other_and_runs_on_one()
    {
        var probe = _first.Kit.CreateTestProbe();
        _first.Accounts.Tell(new RegisterAccount("Ada@Example.org", "hash"), probe.Ref);
        var created = probe.ExpectMsg<AccountCreated>().Account;

        var other = _second.Kit.CreateTestProbe();
        _second.Accounts.Tell(new FindAccount("ada@example.org"), other.Ref);
        Assert.Equal(created, other.ExpectMsg<AccountLookup>().Account);
        _second.Accounts.Tell(new RegisterAccount("ADA@example.org", "other-hash"), other.Ref);
        Assert.Equal("Ada@Example.org", other.ExpectMsg<AccountAlreadyExists>().Email);

        var id = AccountKey.PersistenceIdOf(AccountKey.Of("ada@example.org"));
        Assert.True(_first.Running(_first.Accounts).Contains(id) ^ _second.Running(_second.Accounts).Contains(id));
    }

    [Fact]
    public void Registrations_of_one_email_racing_through_two_nodes_create_it_once()
    {
        var probes = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? _first : _second).Kit.CreateTestProbe()).ToArray();
        for (var i = 0; i < probes.Length; i++)
            (i % 2 == 0 ? _first : _second).Accounts.Tell(new RegisterAccount(i % 4 < 2 ? "race@example.org" : "RACE@example.org", $"hash-{i}"), probes[i].Ref);

        var replies = probes.Select(p => p.ExpectMsg<IRegisterReply>()).ToArray();
        var created = Assert.Single(replies.OfType<AccountCreated>());
        Assert.Equal(19, replies.OfType<AccountAlreadyExists>().Count(r => r.Email == created.Account.Email));
    }
}
