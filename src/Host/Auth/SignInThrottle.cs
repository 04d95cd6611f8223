using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SlotBooking.Host.Auth;

/// <summary>
/// Counts failed sign-ins in sliding windows (System.Threading.RateLimiting, as ASP.NET Core's rate limiter) so that
/// a stranger can slow guessing but never lock the real user out:
/// <list type="bullet">
/// <item>per client address (<see cref="AuthOptions.FailuresPerAddress"/>, every account together) and per account and
/// address: an address with none left is refused with 429 before any password is checked, so its attempt after the
/// last allowed failure is refused whether or not its password is right;</item>
/// <item>per account, from anywhere (<see cref="AuthOptions.FailuresPerAccount"/>): once spent, only addresses that
/// have themselves failed against the account are refused, so guessing from many addresses gets one guess per address
/// and window, while a correct password from an address that has not failed is never refused for others' failures.</item>
/// </list>
/// Addresses are <see cref="Http.ClientAddress"/> keys (an IPv6 client is its /64).
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perAccountAndAddress;
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly int _failuresPerAddress;

    public SignInThrottle(IOptions<AuthOptions> options)
    {
        var o = options.Value;
        Window = o.FailureWindow;
        _failuresPerAddress = o.FailuresPerAddress;
        _perAddress = Failures(o.FailuresPerAddress, o.FailureWindow);
        _perAccountAndAddress = Failures(o.FailuresPerAddress, o.FailureWindow);
        _perAccount = Failures(o.FailuresPerAccount, o.FailureWindow);
    }

    /// <summary>How long a refused client should wait at most: the window the failures are counted in.</summary>
    public TimeSpan Window { get; }

    /// <summary>
    /// True when the address has no failure left, in all or against this account, or when the account has none left
    /// and this address is one of those that failed against it.
    /// </summary>
    public bool IsRefused(string address, string accountKey)
    {
        var pair = PairKey(address, accountKey);
        if (IsSpent(_perAddress, address) || IsSpent(_perAccountAndAddress, pair)) return true;
        return IsSpent(_perAccount, accountKey) && HasFailed(pair);
    }

    /// <summary>A wrong password or an unknown email: counts for the address, the account and the pair.</summary>
    public void RecordFailure(string address, string accountKey)
    {
        // The permits are not given back: a failure counts until it slides out of the window.
        _perAddress.AttemptAcquire(address).Dispose();
        _perAccountAndAddress.AttemptAcquire(PairKey(address, accountKey)).Dispose();
        _perAccount.AttemptAcquire(accountKey).Dispose();
    }

    /// <summary>
    /// A failure that says nothing against an account (an email already taken, or reserved, at registration): counts for
    /// the address only, so that probing which emails exist is limited per address and nobody's sign-in is slowed by it.
    /// </summary>
    public void RecordAddressFailure(string address) => _perAddress.AttemptAcquire(address).Dispose();

    // Asking for no permit only tells whether any is left.
    private static bool IsSpent(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key, 0);
        return !lease.IsAcquired;
    }

    private bool HasFailed(string pair) =>
        _perAccountAndAddress.GetStatistics(pair) is { } statistics && statistics.CurrentAvailablePermits < _failuresPerAddress;

    // A newline is in neither an address key nor a normalized email that passed the rules.
    private static string PairKey(string address, string accountKey) => address + "\n" + accountKey;

    private static PartitionedRateLimiter<string> Failures(int limit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccountAndAddress.Dispose();
        _perAccount.Dispose();
    }
}
