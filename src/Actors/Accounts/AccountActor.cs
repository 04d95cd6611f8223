using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using SlotBooking.Actors.Sharding;
using ShardingPassivate = Akka.Cluster.Sharding.Passivate;

namespace SlotBooking.Actors.Accounts;

/// <summary>
/// One account (one normalized email): the only place it is decided whether the email is taken, so two racing
/// registrations of one email get one <see cref="AccountCreated"/> and one <see cref="AccountAlreadyExists"/>.
/// It stores and returns the password's hash; hashing and checking passwords happen outside, in the host.
/// An actor whose email is not registered stops after answering, so looking up unknown emails leaves nothing behind.
/// <para>A sharded entity (type <see cref="EntityTypes.Account"/>, entity id = its persistence id
/// <c>account-{hash}</c>, so journals of earlier versions recover unchanged): one writer per account in the whole
/// cluster, wherever the request came in. Sharding passivates it when idle and hands it off with its own
/// <see cref="StopAccount"/>, which <c>Persist</c> holds back while a write is in flight, so a write is never cut short.</para>
/// </summary>
public sealed class AccountActor : ReceivePersistentActor
{
    private readonly string _persistenceId;
    private readonly AccountSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private Account? _account;
    // Who waits for the event being written (Persist stashes everything else until it is).
    private IActorRef? _awaitingWrite;

    public AccountActor(string persistenceId, AccountSettings settings)
    {
        _persistenceId = persistenceId;
        _settings = settings;

        Recover<AccountRegistered>(e => _account ??= Apply(e));
        Recover<AccountPasswordReplaced>(e => _account = _account is null ? null : _account with { PasswordHash = e.PasswordHash });

        // Every message reaches its entity through the region, even one without an email: it is refused here.
        Command<IWithAccountEmail>(m => string.IsNullOrEmpty(m.Email), _ =>
            Sender.Tell(new Status.Failure(new ArgumentException("An account message needs an email"))));
        Command<RegisterAccount>(Register);
        Command<ReplaceAccountPassword>(ReplacePassword);
        Command<FindAccount>(_ =>
        {
            Sender.Tell(new AccountLookup(_account));
            if (_account is null) PassivateUnknown();
        });
        // Persist stashes commands while a write is in flight, so this never cuts a write short.
        Command<StopAccount>(_ => Context.Stop(Self));
    }

    /// <param name="persistenceId">Also its entity id (<see cref="AccountKey.EntityIdOf"/>).</param>
    public static Props Props(string persistenceId, AccountSettings settings) =>
        Akka.Actor.Props.Create(() => new AccountActor(persistenceId, settings));

    public override string PersistenceId => _persistenceId;

    private void Register(RegisterAccount command)
    {
        if (_account is not null)
        {
            Sender.Tell(new AccountAlreadyExists(_account.Email));
            return;
        }
        var replyTo = Sender;
        _awaitingWrite = replyTo;
        Persist(new AccountRegistered(command.Email, command.PasswordHash, _settings.Clock.GetUtcNow()), e =>
        {
            _account = Apply(e);
            _awaitingWrite = null;
            replyTo.Tell(new AccountCreated(_account));
        });
    }

    private void ReplacePassword(ReplaceAccountPassword command)
    {
        if (_account is null)
        {
            Sender.Tell(new AccountLookup(null));
            PassivateUnknown();
            return;
        }
        var replyTo = Sender;
        _awaitingWrite = replyTo;
        Persist(new AccountPasswordReplaced(command.PasswordHash, _settings.Clock.GetUtcNow()), e =>
        {
            _account = _account with { PasswordHash = e.PasswordHash };
            _awaitingWrite = null;
            replyTo.Tell(new AccountPasswordChanged(_account));
        });
    }

    /// <summary>
    /// No account of this email: ask the shard to stop this actor (it holds back what arrives meanwhile for the next
    /// incarnation). Outside sharding (a spec) the parent ignores it.
    /// </summary>
    private void PassivateUnknown() => Context.Parent.Tell(new ShardingPassivate(StopAccount.Instance));

    private static Account Apply(AccountRegistered e) => new(e.Email, e.PasswordHash, e.CreatedAt);

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // The actor stops; the next message recovers it from what the journal holds.
        _log.Error(cause, "Storing account {0} failed at sequence {1}", _persistenceId, sequenceNr);
        _awaitingWrite?.Tell(new Status.Failure(cause));
        _awaitingWrite = null;
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "The journal rejected account {0} at sequence {1}; nothing was stored", _persistenceId, sequenceNr);
        _awaitingWrite?.Tell(new Status.Failure(cause));
        _awaitingWrite = null;
    }
}

/// <summary>The account entities' hand-off and passivation message: stops once no write is in flight.</summary>
public sealed record StopAccount
{
    public static StopAccount Instance { get; } = new();
    private StopAccount() { }
}
