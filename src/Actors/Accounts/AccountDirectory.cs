using Akka.Actor;
using Akka.Event;
using SlotBooking.Actors.Slots;
using SlotBooking.Actors.Passivation;

namespace SlotBooking.Actors.Accounts;

/// <summary>
/// Parent of the account actors: routes every <see cref="IWithAccountEmail"/> message to the actor of its email's
/// key, starting it on demand; idle accounts passivate, and what arrives for one that is stopping is handed to its
/// next incarnation. A message without an email is answered with a failure, never dropped.
/// </summary>
public sealed class AccountDirectory : ReceiveActor
{
    private readonly AccountSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly PassivatingChildren<string> _accounts;

    public AccountDirectory(AccountSettings settings)
    {
        _settings = settings;
        _accounts = new PassivatingChildren<string>(StartAccount);

        Receive<IWithAccountEmail>(Route);
        Receive<Passivate>(request => _accounts.OnPassivate(Sender, request));
        Receive<AccountStopped>(m =>
        {
            if (!_accounts.OnStopped(m.Key)) _log.Warning("Account {0} stopped unexpectedly; it recovers on its next message", AccountKey.PersistenceIdOf(m.Key));
        });
    }

    public static Props Props(AccountSettings settings) => Akka.Actor.Props.Create(() => new AccountDirectory(settings));

    /// <summary>An account that fails is stopped, not restarted in place: it recovers from the journal on its next message.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private void Route(IWithAccountEmail message)
    {
        if (string.IsNullOrEmpty(message.Email))
        {
            Sender.Tell(new Status.Failure(new ArgumentException("An account message needs an email", nameof(message))));
            return;
        }
        _accounts.Deliver(AccountKey.Of(message.Email), message, Sender);
    }

    private IActorRef StartAccount(string key)
    {
        // Only called when no incarnation of this account is alive, so the name is free.
        var persistenceId = AccountKey.PersistenceIdOf(key);
        var account = Context.ActorOf(AccountActor.Props(persistenceId, _settings), persistenceId);
        Context.WatchWith(account, new AccountStopped(key));
        return account;
    }

    private sealed record AccountStopped(string Key);
}
