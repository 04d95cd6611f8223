using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SlotBooking.Host.Auth;

/// <summary>
/// Counts failed sign-ins per client address and per account (normalized email) in a sliding window
/// (System.Threading.RateLimiting, as ASP.NET Core's rate limiter): each failure takes a permit, and an attempt from
/// an address or for an account with none left is refused with 429 before any password is checked, so the attempt
/// after the last allowed failure is refused whether or not its password is right.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perAccount;

    public SignInThrottle(IOptions<AuthOptions> options)
    {
        var o = options.Value;
        Window = o.FailureWindow;
        _perAddress = Failures(o.FailuresPerAddress, o.FailureWindow);
        _perAccount = Failures(o.FailuresPerAccount, o.FailureWindow);
    }

    /// <summary>How long a refused client should wait at most: the window the failures are counted in.</summary>
    public TimeSpan Window { get; }

    /// <summary>True when the address or the account has no failure left in the window.</summary>
    public bool IsRefused(string address, string accountKey)
    {
        // Asking for no permit only tells whether any is left.
        using var byAddress = _perAddress.AttemptAcquire(address, 0);
        using var byAccount = _perAccount.AttemptAcquire(accountKey, 0);
        return !byAddress.IsAcquired || !byAccount.IsAcquired;
    }

    public void RecordFailure(string address, string accountKey)
    {
        // The permits are not given back: a failure counts until it slides out of the window.
        _perAddress.AttemptAcquire(address).Dispose();
        _perAccount.AttemptAcquire(accountKey).Dispose();
    }

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
        _perAccount.Dispose();
    }
}
