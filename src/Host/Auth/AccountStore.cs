using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Accounts;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Auth;

/// <summary>The asks the account routes make of the account directory, each with the configured timeout.</summary>
public sealed class AccountStore(IRequiredActor<AccountDirectory> directory, IOptions<SlotBookingOptions> options)
{
    public async Task<IRegisterReply> RegisterAsync(string email, string passwordHash, CancellationToken cancellationToken)
    {
        var accounts = await directory.GetAsync(cancellationToken);
        return await accounts.Ask<IRegisterReply>(new RegisterAccount(email, passwordHash), options.Value.AskTimeout, cancellationToken);
    }

    public async Task<Account?> FindAsync(string email, CancellationToken cancellationToken)
    {
        var accounts = await directory.GetAsync(cancellationToken);
        return (await accounts.Ask<AccountLookup>(new FindAccount(email), options.Value.AskTimeout, cancellationToken)).Account;
    }
}
