using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Options;
using SlotBooking.Actors.Limits;
using SlotBooking.Host.Configuration;

namespace SlotBooking.Host.Auth;

/// <summary>
/// Counts failed sign-ins so that a stranger can slow guessing but never lock the real user out, cluster-wide: the
/// counts are kept by sharded entities (<see cref="SignInLimitActor"/>), one per client address and one per account, so
/// guesses spread over several nodes count against one budget. The rules (<see cref="SignInFailureCounts"/>):
/// <list type="bullet">
/// <item>per client address (<see cref="AuthOptions.FailuresPerAddress"/>, every account together) and per account and
/// address: an address with none left is refused with 429 before any password is checked, so its attempt after the
/// last allowed failure is refused whether or not its password is right;</item>
/// <item>per account, from anywhere (<see cref="AuthOptions.FailuresPerAccount"/>): once spent, only addresses that
/// have themselves failed against the account are refused, so guessing from many addresses gets one guess per address
/// and window, while a correct password from an address that has not failed is never refused for others' failures.</item>
/// </list>
/// Addresses are <see cref="Http.ClientAddress"/> keys (an IPv6 client is its /64). A failure is answered only once it
/// is counted, so a client's next attempt, through any node, sees it. Each ask has the routes' timeout; a limit that
/// cannot be asked fails the request (503) rather than letting it through.
/// </summary>
public sealed class SignInThrottle(IRequiredActor<SignInLimitActor> limits, IOptions<AuthOptions> auth, IOptions<SlotBookingOptions> options)
{
    /// <summary>How long a refused client should wait at most: the window the failures are counted in.</summary>
    public TimeSpan Window => auth.Value.FailureWindow;

    /// <summary>
    /// True when the address has no failure left, in all or against this account, or when the account has none left
    /// and this address is one of those that failed against it.
    /// </summary>
    public async Task<bool> IsRefusedAsync(string address, string accountKey, CancellationToken cancellationToken)
    {
        var region = await limits.GetAsync(cancellationToken);
        var byAddress = Ask<SignInVerdict>(region, new IsSignInRefused(SignInLimitKeys.OfAddress(address), address), cancellationToken);
        var byAccount = Ask<SignInVerdict>(region, new IsSignInRefused(SignInLimitKeys.OfAccount(accountKey), address), cancellationToken);
        return (await byAddress).Refused | (await byAccount).Refused;
    }

    /// <summary>A wrong password or an unknown email: counts for the address, the account and the pair.</summary>
    public async Task RecordFailureAsync(string address, string accountKey, CancellationToken cancellationToken)
    {
        var region = await limits.GetAsync(cancellationToken);
        await Task.WhenAll(
            Ask<SignInFailureCounted>(region, new CountSignInFailure(SignInLimitKeys.OfAddress(address), address), cancellationToken),
            Ask<SignInFailureCounted>(region, new CountSignInFailure(SignInLimitKeys.OfAccount(accountKey), address), cancellationToken));
    }

    /// <summary>
    /// A failure that says nothing against an account (an email already taken, or reserved, at registration): counts for
    /// the address only, so that probing which emails exist is limited per address and nobody's sign-in is slowed by it.
    /// </summary>
    public async Task RecordAddressFailureAsync(string address, CancellationToken cancellationToken)
    {
        var region = await limits.GetAsync(cancellationToken);
        await Ask<SignInFailureCounted>(region, new CountSignInFailure(SignInLimitKeys.OfAddress(address), address), cancellationToken);
    }

    private Task<T> Ask<T>(IActorRef region, ISignInLimitMessage message, CancellationToken cancellationToken) =>
        region.Ask<T>(message, options.Value.AskTimeout, cancellationToken);
}
