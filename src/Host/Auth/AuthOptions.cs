using System.ComponentModel.DataAnnotations;

namespace SlotBooking.Host.Auth;

/// <summary>
/// <c>SlotBooking:Auth</c>: the tokens this server issues to its built-in accounts. Tokens from an identity provider
/// are configured in the standard <c>Authentication:Schemes:Bearer</c> section instead (ValidIssuer, ValidAudiences,
/// SigningKeys, and optionally ValidAlgorithms); both kinds are accepted side by side, each only with its own keys,
/// audiences and algorithms (<see cref="IssuerTrust"/>).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "SlotBooking:Auth";

    /// <summary>
    /// The HMAC key this server signs its tokens with: at least 32 bytes of UTF-8 (HS256 needs 256 bits). When empty, a
    /// random key is generated on first start and kept beside the SQLite database (<c>{database}.signing-key</c>), or in
    /// PostgreSQL (<see cref="PostgreSqlSigningKey"/>), so tokens survive restarts. Never logged.
    /// </summary>
    public string? SigningKey { get; set; }

    public const int MinSigningKeyBytes = 32;

    public bool HasValidSigningKey => string.IsNullOrEmpty(SigningKey) || System.Text.Encoding.UTF8.GetByteCount(SigningKey) >= MinSigningKeyBytes;

    /// <summary>The <c>iss</c> of the tokens this server issues.</summary>
    [Required]
    public string Issuer { get; set; } = "slotbooking";

    /// <summary>The <c>aud</c> of the tokens this server issues.</summary>
    [Required]
    public string Audience { get; set; } = "slotbooking";

    /// <summary>How long a token from <c>POST /auth/login</c> is valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Failed sign-ins allowed from one client address within <see cref="FailureWindow"/>, against every account
    /// together and against any one: a wrong password or unknown email at login, and (for the address alone) an email
    /// taken or reserved at registration. The next attempt from that address gets 429.
    /// </summary>
    [Range(1, 1_000_000)]
    public int FailuresPerAddress { get; set; } = 5;

    /// <summary>
    /// Failed sign-ins against one account (one normalized email) within <see cref="FailureWindow"/>, from anywhere;
    /// beyond them, addresses that failed against the account are refused, and others still get their attempts.
    /// Counted cluster-wide, like the failures per address (<see cref="SignInThrottle"/>).
    /// </summary>
    [Range(1, 1_000_000)]
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary>The sliding window failures are counted in; also how long an idle limit entity lives.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Requests to <c>/auth/register</c> and <c>/auth/login</c> together from one client address per minute, failed or
    /// not (a token bucket). Per node: it bounds the password hashing each node does, which is each node's own cost.
    /// </summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 30;

    /// <summary>Of those, how many may come at once (the rest are spread over the minute).</summary>
    [Range(1, 1_000_000)]
    public int RequestBurst { get; set; } = 10;

    /// <summary>
    /// Password hashes computed at once. Hashing is slow on purpose; 0 means one per core but one, at least one, so a
    /// login storm leaves a core to bookings.
    /// </summary>
    [Range(0, 1024)]
    public int HashConcurrency { get; set; }

    /// <summary>Requests waiting for a hash computation beyond the running ones; more get 503.</summary>
    [Range(0, 100_000)]
    public int HashQueueLimit { get; set; } = 64;

    public int EffectiveHashConcurrency => HashConcurrency > 0 ? HashConcurrency : Math.Max(1, Environment.ProcessorCount - 1);
}
