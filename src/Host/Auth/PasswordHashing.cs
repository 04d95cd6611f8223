using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SlotBooking.Protocol;

namespace SlotBooking.Host.Auth;

/// <summary>
/// Hashes and checks passwords with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2), in the
/// HTTP handler, never in an actor. Hashing is slow on purpose, so at most <see cref="AuthOptions.HashConcurrency"/>
/// run at once and a bounded queue waits; beyond it the caller is told to come back (null), so a storm of logins
/// cannot take every core from bookings. Checking a password for an unknown email costs the same as for a known one:
/// it is checked against a hash of a random password.
/// </summary>
public sealed class PasswordHashing : IDisposable
{
    private readonly PasswordHasher<AccountPassword> _hasher = new();
    // Counts leases only: unlike the replenishing limiters of System.Threading.RateLimiting it runs no timer.
    private readonly ConcurrencyLimiter _limiter;
    private readonly string _unknownAccountHash;

    public PasswordHashing(IOptions<AuthOptions> options)
    {
        var o = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = o.EffectiveHashConcurrency,
            QueueLimit = o.HashQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        // Made now, so the first login for an unknown email takes no longer than the others.
        _unknownAccountHash = _hasher.HashPassword(AccountPassword.Instance, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>The hash of <paramref name="password"/>, or null when too many hashes are waiting.</summary>
    public async Task<string?> HashAsync(string password, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired) return null;
        return _hasher.HashPassword(AccountPassword.Instance, AccountRules.NormalizePassword(password));
    }

    /// <summary>
    /// Whether <paramref name="password"/> matches <paramref name="hash"/>; with no hash (no such account), the same
    /// work against a hash nobody knows the password of, and false. Null when too many hashes are waiting.
    /// </summary>
    public async Task<bool?> VerifyAsync(string? hash, string password, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired) return null;
        var result = _hasher.VerifyHashedPassword(AccountPassword.Instance, hash ?? _unknownAccountHash, AccountRules.NormalizePassword(password));
        // SuccessRehashNeeded (a hash from older, weaker settings) still proves the password.
        return hash is not null && result != PasswordVerificationResult.Failed;
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>The hasher's user type; PasswordHasher does not look at it.</summary>
    public sealed class AccountPassword
    {
        public static AccountPassword Instance { get; } = new();
    }
}
