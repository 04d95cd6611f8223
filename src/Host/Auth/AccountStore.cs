using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Accounts;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Auth;

/// <summary>The asks the account routes make of the accounts' shard region, each with the configured timeout.</summary>
public sealed class AccountStore(IRequiredActor<AccountActor> accounts, IOptions<SlotBookingOptions> options)
{
    public async Task<IRegisterReply> RegisterAsync(string email, string passwordHash, CancellationToken cancellationToken)
    {
        var region = await accounts.GetAsync(cancellationToken);
        return await region.Ask<IRegisterReply>(new RegisterAccount(email, passwordHash), options.Value.AskTimeout, cancellationToken);
    }

    public async Task<Account?> FindAsync(string email, CancellationToken cancellationToken)
    {
        var region = await accounts.GetAsync(cancellationToken);
        return (await region.Ask<AccountLookup>(new FindAccount(email), options.Value.AskTimeout, cancellationToken)).Account;
    }
}
