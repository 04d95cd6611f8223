using Akka.Actor;
using Akka.TestKit;
using Microsoft.Extensions.Time.Testing;
using SlotBooking.Actors.Accounts;
using SlotBooking.Tests.Actors;
using SlotBooking.TestSupport;

namespace SlotBooking.Tests.Accounts;

/// <summary>Accounts journaling to a real SQLite file: registration, duplicates, lookup, recovery, passivation.</summary>
public sealed class AccountActorSpecs : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private readonly AccountSettings _settings = new(TimeSpan.FromMinutes(5), new FakeTimeProvider(Noon));

    public void Dispose() => _database.Dispose();

    private IActorRef StartDirectory(TestKitBase kit, AccountSettings? settings = null) =>
        kit.Sys.ActorOf(AccountDirectory.Props(settings ?? _settings), "accounts");

    [Fact]
    public void Registers_once_and_refuses_the_same_email_in_another_spelling()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var accounts = StartDirectory(kit);

        accounts.Tell(new RegisterAccount("Ärger@Example.org", "hash-1"), kit.TestActor);
        var created = kit.ExpectMsg<AccountCreated>().Account;
        Assert.Equal(new Account("Ärger@Example.org", "hash-1", Noon), created);

        accounts.Tell(new RegisterAccount("a\u0308rger@example.org", "hash-2"), kit.TestActor);
        Assert.Equal(new AccountAlreadyExists("Ärger@Example.org"), kit.ExpectMsg<AccountAlreadyExists>());

        accounts.Tell(new FindAccount("ÄRGER@EXAMPLE.ORG"), kit.TestActor);
        Assert.Equal(created, kit.ExpectMsg<AccountLookup>().Account);
    }

    [Fact]
    public void An_unknown_email_is_not_found_and_leaves_no_actor_behind()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var accounts = StartDirectory(kit);

        accounts.Tell(new FindAccount("nobody@example.org"), kit.TestActor);
        Assert.Null(kit.ExpectMsg<AccountLookup>().Account);

        var persistenceId = AccountKey.PersistenceIdOf(AccountKey.Of("nobody@example.org"));
        kit.AwaitAssert(() =>
        {
            kit.Sys.ActorSelection(accounts.Path / persistenceId).Tell(new Identify(1), kit.TestActor);
            Assert.Null(kit.ExpectMsg<ActorIdentity>().Subject);
        });

        // It is still found missing, and can still be registered, by a new incarnation.
        accounts.Tell(new RegisterAccount("nobody@example.org", "hash"), kit.TestActor);
        kit.ExpectMsg<AccountCreated>();
    }

    [Fact]
    public void Racing_registrations_of_one_email_create_it_once()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var accounts = StartDirectory(kit);

        var probes = Enumerable.Range(0, 20).Select(_ => kit.CreateTestProbe()).ToArray();
        for (var i = 0; i < probes.Length; i++)
            accounts.Tell(new RegisterAccount(i % 2 == 0 ? "race@example.org" : "RACE@example.org", $"hash-{i}"), probes[i].Ref);

        var replies = probes.Select(p => p.ExpectMsg<IRegisterReply>()).ToArray();
        var created = Assert.Single(replies.OfType<AccountCreated>());
        Assert.Equal(19, replies.OfType<AccountAlreadyExists>().Count(r => r.Email == created.Account.Email));
    }

    [Fact]
    public void A_new_actor_system_on_the_same_file_recovers_the_account()
    {
        Account created;
        using (var first = PersistentSystem.Start(_database.Path))
        {
            var kit = first.Kit;
            StartDirectory(kit).Tell(new RegisterAccount("Recover@Example.org", "stored-hash"), kit.TestActor);
            created = kit.ExpectMsg<AccountCreated>().Account;
        }

        using var second = PersistentSystem.Start(_database.Path);
        var kit2 = second.Kit;
        var accounts = StartDirectory(kit2, _settings with { Clock = new FakeTimeProvider(Noon.AddDays(1)) });
        accounts.Tell(new FindAccount("recover@example.org"), kit2.TestActor);
        Assert.Equal(created, kit2.ExpectMsg<AccountLookup>().Account);
        accounts.Tell(new RegisterAccount("recover@example.org", "other-hash"), kit2.TestActor);
        Assert.Equal("Recover@Example.org", kit2.ExpectMsg<AccountAlreadyExists>().Email);
    }

    [Fact]
    public void An_idle_account_passivates_and_its_next_incarnation_recovers_it()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var accounts = StartDirectory(kit, _settings with { IdleTimeout = TimeSpan.FromMilliseconds(200) });

        accounts.Tell(new RegisterAccount("idle@example.org", "hash"), kit.TestActor);
        var created = kit.ExpectMsg<AccountCreated>().Account;
        var persistenceId = AccountKey.PersistenceIdOf(AccountKey.Of("idle@example.org"));
        kit.Sys.ActorSelection(accounts.Path / persistenceId).Tell(new Identify(1), kit.TestActor);
        var first = kit.ExpectMsg<ActorIdentity>().Subject;
        Assert.NotNull(first);
        kit.Watch(first);
        kit.ExpectTerminated(first);

        accounts.Tell(new FindAccount("idle@example.org"), kit.TestActor);
        Assert.Equal(created, kit.ExpectMsg<AccountLookup>().Account);
    }

    [Fact]
    public void A_message_without_an_email_is_answered_with_a_failure()
    {
        using var system = PersistentSystem.Start(_database.Path);
        var kit = system.Kit;
        var accounts = StartDirectory(kit);

        accounts.Tell(new FindAccount(""), kit.TestActor);
        Assert.IsType<ArgumentException>(kit.ExpectMsg<Status.Failure>().Cause);
    }

    [Fact]
    public void A_replaced_password_is_stored_and_recovered_and_an_unknown_account_is_not_created()
    {
        using (var first = PersistentSystem.Start(_database.Path))
        {
            var kit = first.Kit;
            var accounts = StartDirectory(kit);
            accounts.Tell(new ReplaceAccountPassword("nobody@example.org", "hash"), kit.TestActor);
            Assert.Null(kit.ExpectMsg<AccountLookup>().Account);

            accounts.Tell(new RegisterAccount("Op@Example.org", "first-hash"), kit.TestActor);
            var created = kit.ExpectMsg<AccountCreated>().Account;
            accounts.Tell(new ReplaceAccountPassword("op@example.org", "second-hash"), kit.TestActor);
            Assert.Equal(created with { PasswordHash = "second-hash" }, kit.ExpectMsg<AccountPasswordChanged>().Account);
        }

        using var second = PersistentSystem.Start(_database.Path);
        var kit2 = second.Kit;
        var recovered = StartDirectory(kit2);
        recovered.Tell(new FindAccount("OP@example.org"), kit2.TestActor);
        var account = kit2.ExpectMsg<AccountLookup>().Account;
        Assert.Equal(("Op@Example.org", "second-hash", Noon), (account?.Email, account?.PasswordHash, account?.CreatedAt));
        recovered.Tell(new FindAccount("nobody@example.org"), kit2.TestActor);
        Assert.Null(kit2.ExpectMsg<AccountLookup>().Account);
    }
}
