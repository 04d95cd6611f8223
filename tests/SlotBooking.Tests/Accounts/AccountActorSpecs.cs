using Akka.Actor;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Accounts;
using SlotBooking.Tests.Actors;
using SlotBooking.Tests.Cluster;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Accounts;

/// <summary>
/// Accounts as sharded entities journaling to a real SQLite file, through the accounts' region as the host wires it:
/// registration, duplicates, lookup, recovery, passivation by sharding, and the hand-off stop that waits for a write.
/// </summary>
public sealed class AccountActorSpecs : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private readonly AccountSettings _settings = new(TimeSpan.FromMinutes(5), new FakeTimeProvider(Noon));

    public void Dispose() => _database.Dispose();

    private ServiceNode StartNode(AccountSettings? settings = null) =>
        ServiceNode.Start(_database.Path, (settings ?? _settings).Clock, settings ?? _settings);

    private static string EntityOf(string email) => AccountKey.PersistenceIdOf(AccountKey.Of(email));

    [Fact]
    public void Registers_once_and_refuses_the_same_email_in_another_spelling()
    {
        using var node = StartNode();
        var kit = node.Kit;
        var accounts = node.Accounts;

        accounts.Tell(new RegisterAccount("Ärger@Example.org", "hash-1"), kit.TestActor);
        var created = kit.ExpectMsg<AccountCreated>().Account;
        Assert.Equal(new Account("Ärger@Example.org", "hash-1", Noon), created);

        accounts.Tell(new RegisterAccount("a\u0308rger@example.org", "hash-2"), kit.TestActor);
        Assert.Equal(new AccountAlreadyExists("Ärger@Example.org"), kit.ExpectMsg<AccountAlreadyExists>());

        accounts.Tell(new FindAccount("ÄRGER@EXAMPLE.ORG"), kit.TestActor);
        Assert.Equal(created, kit.ExpectMsg<AccountLookup>().Account);
        // One entity for every spelling, named by the persistence id journals of earlier versions used.
        Assert.Contains(EntityOf("ärger@example.org"), node.Running(accounts));
    }

    [Fact]
    public void An_unknown_email_is_not_found_and_leaves_no_actor_behind()
    {
        using var node = StartNode();
        var kit = node.Kit;
        var accounts = node.Accounts;

        accounts.Tell(new FindAccount("nobody@example.org"), kit.TestActor);
        Assert.Null(kit.ExpectMsg<AccountLookup>().Account);

        kit.AwaitAssert(() => Assert.DoesNotContain(EntityOf("nobody@example.org"), node.Running(accounts)),
            TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        // It is still found missing, and can still be registered, by a new incarnation.
        accounts.Tell(new RegisterAccount("nobody@example.org", "hash"), kit.TestActor);
        kit.ExpectMsg<AccountCreated>();
    }

    [Fact]
    public void Racing_registrations_of_one_email_create_it_once()
    {
        using var node = StartNode();
        var kit = node.Kit;

        var probes = Enumerable.Range(0, 20).Select(_ => kit.CreateTestProbe()).ToArray();
        for (var i = 0; i < probes.Length; i++)
            node.Accounts.Tell(new RegisterAccount(i % 2 == 0 ? "race@example.org" : "RACE@example.org", $"hash-{i}"), probes[i].Ref);

        var replies = probes.Select(p => p.ExpectMsg<IRegisterReply>()).ToArray();
        var created = Assert.Single(replies.OfType<AccountCreated>());
        Assert.Equal(19, replies.OfType<AccountAlreadyExists>().Count(r => r.Email == created.Account.Email));
    }

    [Fact]
    public void A_new_actor_system_on_the_same_file_recovers_the_account()
    {
        Account created;
        using (var first = StartNode())
        {
            first.Accounts.Tell(new RegisterAccount("Recover@Example.org", "stored-hash"), first.Kit.TestActor);
            created = first.Kit.ExpectMsg<AccountCreated>().Account;
        }

        using var second = StartNode(_settings with { Clock = new FakeTimeProvider(Noon.AddDays(1)) });
        var kit2 = second.Kit;
        second.Accounts.Tell(new FindAccount("recover@example.org"), kit2.TestActor);
        Assert.Equal(created, kit2.ExpectMsg<AccountLookup>().Account);
        second.Accounts.Tell(new RegisterAccount("recover@example.org", "other-hash"), kit2.TestActor);
        Assert.Equal("Recover@Example.org", kit2.ExpectMsg<AccountAlreadyExists>().Email);
    }

    [Fact]
    public void An_idle_account_is_passivated_by_sharding_and_its_next_incarnation_recovers_it()
    {
        using var node = StartNode(_settings with { IdleTimeout = TimeSpan.FromSeconds(2) });
        var kit = node.Kit;
        var accounts = node.Accounts;

        accounts.Tell(new RegisterAccount("idle@example.org", "hash"), kit.TestActor);
        var created = kit.ExpectMsg<AccountCreated>().Account;
        Assert.Contains(EntityOf("idle@example.org"), node.Running(accounts));
        kit.AwaitAssert(() => Assert.DoesNotContain(EntityOf("idle@example.org"), node.Running(accounts)),
            TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100));

        accounts.Tell(new FindAccount("idle@example.org"), kit.TestActor);
        Assert.Equal(created, kit.ExpectMsg<AccountLookup>().Account);
    }

    [Fact]
    public void A_message_without_an_email_is_answered_with_a_failure()
    {
        using var node = StartNode();
        node.Accounts.Tell(new FindAccount(""), node.Kit.TestActor);
        Assert.IsType<ArgumentException>(node.Kit.ExpectMsg<Status.Failure>().Cause);
        node.Accounts.Tell(new RegisterAccount("", "hash"), node.Kit.TestActor);
        Assert.IsType<ArgumentException>(node.Kit.ExpectMsg<Status.Failure>().Cause);
    }

    [Fact]
    public void A_replaced_password_is_stored_and_recovered_and_an_unknown_account_is_not_created()
    {
        using (var first = StartNode())
        {
            var kit = first.Kit;
            var accounts = first.Accounts;
            accounts.Tell(new ReplaceAccountPassword("nobody@example.org", "hash"), kit.TestActor);
            Assert.Null(kit.ExpectMsg<AccountLookup>().Account);

            accounts.Tell(new RegisterAccount("Op@Example.org", "first-hash"), kit.TestActor);
            var created = kit.ExpectMsg<AccountCreated>().Account;
            accounts.Tell(new ReplaceAccountPassword("op@example.org", "second-hash"), kit.TestActor);
            Assert.Equal(created with { PasswordHash = "second-hash" }, kit.ExpectMsg<AccountPasswordChanged>().Account);
        }

        using var second = StartNode();
        var kit2 = second.Kit;
        second.Accounts.Tell(new FindAccount("OP@example.org"), kit2.TestActor);
        var account = kit2.ExpectMsg<AccountLookup>().Account;
        Assert.Equal(("Op@Example.org", "second-hash", Noon), (account?.Email, account?.PasswordHash, account?.CreatedAt));
        second.Accounts.Tell(new FindAccount("nobody@example.org"), kit2.TestActor);
        Assert.Null(kit2.ExpectMsg<AccountLookup>().Account);
    }

    [Fact]
    public void An_account_told_its_hand_off_stop_while_writing_stores_and_answers_the_write_then_stops()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var account = kit.Sys.ActorOf(AccountActor.Props(EntityOf("handoff@example.org"), _settings));
        kit.Watch(account);

        account.Tell(new RegisterAccount("handoff@example.org", "hash"), kit.TestActor);
        account.Tell(StopAccount.Instance);
        kit.ExpectMsg<AccountCreated>();
        kit.ExpectTerminated(account);

        // The write was stored, not cut: a new incarnation recovers it.
        var again = kit.Sys.ActorOf(AccountActor.Props(EntityOf("handoff@example.org"), _settings));
        again.Tell(new FindAccount("handoff@example.org"), kit.TestActor);
        Assert.Equal("handoff@example.org", kit.ExpectMsg<AccountLookup>().Account?.Email);
    }
}
