using Microsoft.Extensions.Options;
using SlotBooking.Host.Limits;

namespace SlotBooking.Host.Auth;

/// <summary>
/// Counts failed sign-ins in sliding windows (<see cref="FailureWindow"/>, slid when used, with no timer; a key with
/// no failure left in its window is forgotten) so that a stranger can slow guessing but never lock the real user out:
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
public sealed class SignInThrottle
{
    private readonly KeyedLimits<FailureWindow> _perAddress;
    private readonly KeyedLimits<FailureWindow> _perAccountAndAddress;
    private readonly KeyedLimits<FailureWindow> _perAccount;

    public SignInThrottle(IOptions<AuthOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        Window = o.FailureWindow;
        _perAddress = Failures(o.FailuresPerAddress, o.FailureWindow, clock);
        _perAccountAndAddress = Failures(o.FailuresPerAddress, o.FailureWindow, clock);
        _perAccount = Failures(o.FailuresPerAccount, o.FailureWindow, clock);
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
        // A failure counts until it slides out of the window; one beyond the limit is not counted (it was refused).
        Record(_perAddress, address);
        Record(_perAccountAndAddress, PairKey(address, accountKey));
        Record(_perAccount, accountKey);
    }

    /// <summary>
    /// A failure that says nothing against an account (an email already taken, or reserved, at registration): counts for
    /// the address only, so that probing which emails exist is limited per address and nobody's sign-in is slowed by it.
    /// </summary>
    public void RecordAddressFailure(string address) => Record(_perAddress, address);

    // Reads make no state: a key that never failed is not remembered.
    private static bool IsSpent(KeyedLimits<FailureWindow> failures, string key) =>
        failures.Read(key, static (window, now) => window.IsSpent(now), absent: false);

    private bool HasFailed(string pair) =>
        _perAccountAndAddress.Read(pair, static (window, now) => window.CountAt(now) > 0, absent: false);

    private static void Record(KeyedLimits<FailureWindow> failures, string key) =>
        failures.Apply(key, static (window, now) => window.TryRecord(now));

    // A newline is in neither an address key nor a normalized email that passed the rules.
    private static string PairKey(string address, string accountKey) => address + "\n" + accountKey;

    private static KeyedLimits<FailureWindow> Failures(int limit, TimeSpan window, TimeProvider clock) =>
        new(() => new FailureWindow(limit, window, clock), clock);
}
